package render

// The JSON encoder as it was before the hand-written appenders
// (json_writer.go and beside): encoding/json through reflection and nested
// MarshalJSON values. It stays here, in a test file, as the oracle the
// appenders are checked against byte for byte (json_diff_test.go,
// FuzzJSONResponse): the output of --json must not change.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"imapsh/client"
)

// oraclePlain reports whether s is printable ASCII.
func oraclePlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// oracleTail is JSONTail as encoding/json saw it.
type oracleTail struct {
	Tag       string              `json:"tag,omitempty"`
	Status    string              `json:"status"`
	Code      string              `json:"code,omitempty"`
	CodeArgs  []string            `json:"code_args,omitempty"`
	CodeRaw   string              `json:"code_raw,omitempty"`
	Text      string              `json:"text,omitempty"`
	ElapsedMS float64             `json:"elapsed_ms"`
	Error     string              `json:"error,omitempty"`
	Alerts    []string            `json:"alerts,omitempty"`
	Dropped   []oracleDroppedJSON `json:"dropped,omitempty"`
	*ShellJSON
}

type oracleDroppedJSON struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	Count  int    `json:"count"`
	Bytes  int64  `json:"bytes,omitempty"`
}

// oracleTailJSON marshals a tail as the old JSONStream.Close did (the
// object's members after "responses").
func oracleTailJSON(t JSONTail) []byte {
	o := oracleTail{Tag: t.Tag, Status: t.Status, Code: t.Code, CodeArgs: t.CodeArgs, CodeRaw: t.CodeRaw,
		Text: t.Text, ElapsedMS: t.ElapsedMS, Error: t.Error, Alerts: t.Alerts, ShellJSON: t.ShellJSON}
	for _, d := range t.Dropped {
		o.Dropped = append(o.Dropped, oracleDroppedJSON(d))
	}
	b, err := oracleMarshal(o)
	if err != nil {
		return []byte(`{"status":"ERROR"}`)
	}
	return b
}

// oracleAlert is the old AlertJSON.
func oracleAlert(a client.Alert) any {
	return oracleObject{{"alert", a.Text}, {"status", a.Status}, {"command", a.Command}}
}

// oracleMarshal is json.Marshal without HTML escaping (> stays >), with
// the characters that Safe neutralises in text output escaped as \uXXXX:
// C1 controls and the invisible bidi and layout characters (U+009B,
// U+202E, ...). The JSON still decodes to the same strings.
func oracleMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return oracleEscapeUnsafe(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

// oracleEscapeUnsafe escapes the runes isUnsafeRune reports. JSON output is
// ASCII but for the contents of strings, where \uXXXX means the rune.
func oracleEscapeUnsafe(b []byte) []byte {
	if oraclePlain(string(b)) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x80 && isUnsafeRune(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// oracleObject is a JSON object that keeps its keys in order.
type oracleObject []oracleField

type oracleField struct {
	key string
	val any
}

// MarshalJSON writes the fields in order.
func (o oracleObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := oracleMarshal(f.key)
		v, err := oracleMarshal(f.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// oracleResponse converts a typed response: {"kind": "FETCH", "seq": 1, ...}.
func oracleResponse(r client.Response) any {
	obj := oracleObject{{"kind", r.Kind()}}
	if m, ok := r.(*client.MalformedData); ok {
		obj = append(obj, oracleField{"error", m.Err.Error()})
		if m.Kept {
			obj = append(obj, oracleField{"kept", true})
		}
		return obj
	}
	if conv, ok := oracleToJSON(reflect.ValueOf(r)).(oracleObject); ok {
		obj = append(obj, conv...)
	}
	if f, ok := r.(*client.FetchData); ok {
		obj = oracleAddDecoded(obj, f) // json_decoded.go
	}
	return obj
}

var (
	oracleValueType = reflect.TypeOf(client.Value{})
	oracleTimeType  = reflect.TypeOf(time.Time{})
	oracleBytesType = reflect.TypeOf([]byte(nil))
)

// oracleToJSON turns typed client data into JSON-ready values; nil for zero.
func oracleToJSON(v reflect.Value) any {
	if !v.IsValid() || v.IsZero() {
		return nil
	}
	return oracleValue(v)
}

// oracleValue is oracleToJSON keeping zero values (for list elements).
func oracleValue(v reflect.Value) any {
	switch {
	case v.Type() == oracleValueType:
		return v.Interface().(client.Value).String()
	case v.Type() == oracleTimeType:
		return v.Interface().(time.Time).Format(time.RFC3339)
	case v.Type() == oracleBytesType:
		return oracleBytes(v.Bytes())
	}
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Kind() == reflect.Slice {
		return s.String() // NumSet: 1:4,7
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return oracleValue(v.Elem())
	case reflect.Struct:
		return oracleStruct(v)
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = oracleValue(v.Index(i))
		}
		return out
	}
	return v.Interface()
}

// oracleStruct converts a struct: lower-cased field names, zero values left
// out, except where a zero means something: the field X of a true HasX
// presence flag (flags [], size 0), and the fields of oracleZeroIsData and
// oracleBodyZeroIsData. The HasX flags themselves are not shown.
func oracleStruct(v reflect.Value) oracleObject {
	var obj oracleObject
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || oracleIsPresenceFlag(t, f) {
			continue
		}
		val := oracleToJSON(v.Field(i))
		if val == nil && oracleKeepZero(v, f) {
			val = oracleValue(v.Field(i))
		}
		if val != nil {
			obj = append(obj, oracleField{strings.ToLower(f.Name), val})
		}
	}
	return obj
}

// oracleZeroIsData lists, per type, the fields whose zero value is data and
// so is shown: a count of 0, the empty mailbox name LIST "" "" returns,
// the personal namespace's "" prefix, the quota root "", empty rights
// (LISTRIGHTS' required rights are often ""), a parameter's empty value.
var oracleZeroIsData = map[reflect.Type]map[string]bool{
	reflect.TypeOf(client.NumberData{}):     {"N": true},
	reflect.TypeOf(client.StatusItem{}):     {"Value": true},
	reflect.TypeOf(client.ListData{}):       {"Mailbox": true, "Raw": true},
	reflect.TypeOf(client.NamespaceDescr{}): {"Prefix": true},
	reflect.TypeOf(client.QuotaData{}):      {"Root": true},
	reflect.TypeOf(client.QuotaResource{}):  {"Usage": true, "Limit": true},
	reflect.TypeOf(client.ACLEntry{}):       {"Rights": true},
	reflect.TypeOf(client.ListRightsData{}): {"Required": true},
	reflect.TypeOf(client.MyRightsData{}):   {"Rights": true},
	reflect.TypeOf(client.Param{}):          {"Value": true},
}

var (
	oracleStatusItemType    = reflect.TypeOf(client.StatusItem{})
	oracleBodyStructureType = reflect.TypeOf(client.BodyStructure{})
)

// oracleIsPresenceFlag reports a bool field HasX that says whether field X came.
func oracleIsPresenceFlag(t reflect.Type, f reflect.StructField) bool {
	name, ok := strings.CutPrefix(f.Name, "Has")
	if !ok || f.Type.Kind() != reflect.Bool {
		return false
	}
	_, found := t.FieldByName(name)
	return found
}

// oracleKeepZero reports whether a zero field is shown anyway.
func oracleKeepZero(v reflect.Value, f reflect.StructField) bool {
	switch {
	case v.Type() == oracleStatusItemType && f.Name == "Value":
		return v.FieldByName("Data").IsNil() // a number, not APPENDLIMIT NIL
	case v.Type() == oracleBodyStructureType:
		return oracleBodyZeroIsData(v.Interface().(client.BodyStructure), f.Name)
	case oracleZeroIsData[v.Type()][f.Name]:
		return true
	}
	has := v.FieldByName("Has" + f.Name)
	return has.IsValid() && has.Kind() == reflect.Bool && has.Bool()
}

// oracleBytes shows body data as text when it is UTF-8.
func oracleBytes(b []byte) any {
	if utf8.Valid(b) {
		return string(b)
	}
	return oracleObject{{"base64", b}}
}

// oracleBodyZeroIsData reports the BODYSTRUCTURE fields whose zero is data: a
// single part's size, and the lines of a text or message part.
func oracleBodyZeroIsData(b client.BodyStructure, field string) bool {
	single := len(b.Parts) == 0 && !strings.EqualFold(b.Type, "multipart")
	switch field {
	case "Size":
		return single
	case "Lines":
		return single && (strings.EqualFold(b.Type, "text") || b.Body != nil)
	}
	return false
}

// oracleAddDecoded puts beside each body section of a FETCH oracleObject that the
// terminal would show decoded (DecodedSection: MIME words, a text
// part's quoted-printable or base64 and charset) the decoded text and how
// it was decoded, "decoded" and "decoded_how"; "data" stays as sent
// (issue 11, "decoding for reading").
func oracleAddDecoded(obj oracleObject, f *client.FetchData) oracleObject {
	for i, fl := range obj {
		list, ok := fl.val.([]any)
		if fl.key != "sections" || !ok || len(list) != len(f.Sections) {
			continue
		}
		for j, sec := range f.Sections {
			data, how := DecodedSection(sec, f.BodyStructure)
			if o, isObj := list[j].(oracleObject); isObj && how != "" {
				list[j] = append(o, oracleField{"decoded", oracleBytes(data)}, oracleField{"decoded_how", how})
			}
		}
		obj[i].val = list
	}
	return obj
}
