package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"imapsh/client"
)

// The --json object printed for each command, on one line:
//
//	{"command":…,"responses":[…],"tag":…,"status":…,"code":…,
//	 "code_args":[…],"code_raw":…,"text":…,"elapsed_ms":…,"error":…,
//	 "dropped":[…],"alerts":[…]}
//
// Field names are stable and lower case; responses carry a "kind" field
// each and the fields of the client's typed data, lower-cased, zero values
// left out. The responses come before the status so that a large FETCH is
// written as it arrives (JSONStream). status is OK, NO or BAD, or ERROR
// for a command that got no tagged answer (a usage, state or local error,
// a failed \expect, a lost connection): error then says why.

// JSONTail is the part of the object after the responses.
type JSONTail struct {
	Tag       string   `json:"tag,omitempty"`
	Status    string   `json:"status"`
	Code      string   `json:"code,omitempty"`
	CodeArgs  []string `json:"code_args,omitempty"`
	CodeRaw   string   `json:"code_raw,omitempty"` // the code's data as sent, when code_args do not show it so
	Text      string   `json:"text,omitempty"`
	ElapsedMS float64  `json:"elapsed_ms"`
	Error     string   `json:"error,omitempty"`
	Alerts    []string `json:"alerts,omitempty"` // [ALERT] texts received during the command

	// Dropped says what the command received and did not keep in memory.
	Dropped []droppedJSON `json:"dropped,omitempty"`

	// *ShellJSON holds a meta-command's own fields (json_shell.go).
	*ShellJSON
}

// droppedJSON is one client.Dropped entry: what the command received and
// did not keep in memory ("collapsed", "unsolicited", "budget", "body").
type droppedJSON struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	Count  int    `json:"count"`
	Bytes  int64  `json:"bytes,omitempty"`
}

// JSONStream writes one command's object piece by piece: the command and
// "responses":[ first, then each response, then the tail and a newline.
type JSONStream struct {
	w   io.Writer
	n   int   // responses written
	err error // the first marshalling error
}

// OpenJSON starts the object of a command, as displayed (redacted).
func OpenJSON(w io.Writer, command string) *JSONStream {
	j := &JSONStream{w: w}
	b, err := MarshalJSON(command)
	j.err = err
	io.WriteString(w, `{"command":`+string(b)+`,"responses":[`)
	return j
}

// Add writes one response.
func (j *JSONStream) Add(r client.Response) {
	b, err := MarshalJSON(ResponseJSON(r))
	if err != nil {
		if j.err == nil {
			j.err = err
		}
		return
	}
	if j.n > 0 {
		b = append([]byte{','}, b...)
	}
	j.n++
	j.w.Write(b)
}

// Close writes the tail and ends the line; it returns the first error.
func (j *JSONStream) Close(tail JSONTail) error {
	b, err := MarshalJSON(tail)
	if err != nil {
		b = []byte(`{"status":"ERROR"}`)
	}
	j.w.Write(append(append([]byte("],"), b[1:]...), '\n'))
	if j.err != nil {
		return j.err
	}
	return err
}

// JSONTailOf is the tail for a result (nil when the command never got an
// answer) and the error that ended it, if not the server's NO or BAD.
func JSONTailOf(res *client.Result, elapsed time.Duration, err error) JSONTail {
	t := JSONTail{ElapsedMS: float64(elapsed.Microseconds()) / 1000}
	if res != nil {
		t.Tag, t.Status = res.Tag, res.StatusWord()
		if st := res.Status; st != nil {
			t.Text = st.Text
			if st.Code != nil {
				t.Code, t.CodeArgs, t.CodeRaw = st.Code.Name, st.Code.Strings(), st.Code.Raw
			}
		}
		for _, d := range res.Dropped {
			t.Dropped = append(t.Dropped, droppedJSON{Kind: d.Kind, Reason: d.Reason.String(), Count: d.Count, Bytes: d.Bytes})
		}
	}
	if err != nil {
		t.Error = ErrorText(err)
	}
	if t.Status == "" && t.Error != "" {
		t.Status = "ERROR"
	}
	return t
}

// MarshalJSON is json.Marshal without HTML escaping (> stays >), with
// the characters that Safe neutralises in text output escaped as \uXXXX:
// C1 controls and the invisible bidi and layout characters (U+009B,
// U+202E, ...). The JSON still decodes to the same strings.
func MarshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return escapeUnsafeJSON(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

// escapeUnsafeJSON escapes the runes isUnsafeRune reports. JSON output is
// ASCII but for the contents of strings, where \uXXXX means the rune.
func escapeUnsafeJSON(b []byte) []byte {
	if isPlain(string(b)) {
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

// object is a JSON object that keeps its keys in order.
type object []field

type field struct {
	key string
	val any
}

// MarshalJSON writes the fields in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := MarshalJSON(f.key)
		v, err := MarshalJSON(f.val)
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

// ResponseJSON converts a typed response: {"kind": "FETCH", "seq": 1, ...}.
func ResponseJSON(r client.Response) any {
	obj := object{{"kind", r.Kind()}}
	if m, ok := r.(*client.MalformedData); ok {
		obj = append(obj, field{"error", m.Err.Error()})
		if m.Kept {
			obj = append(obj, field{"kept", true})
		}
		return obj
	}
	if conv, ok := toJSON(reflect.ValueOf(r)).(object); ok {
		obj = append(obj, conv...)
	}
	if f, ok := r.(*client.FetchData); ok {
		obj = addDecoded(obj, f) // json_decoded.go
	}
	return obj
}

var (
	valueType = reflect.TypeOf(client.Value{})
	timeType  = reflect.TypeOf(time.Time{})
	bytesType = reflect.TypeOf([]byte(nil))
)

// toJSON turns typed client data into JSON-ready values; nil for zero.
func toJSON(v reflect.Value) any {
	if !v.IsValid() || v.IsZero() {
		return nil
	}
	return valueJSON(v)
}

// valueJSON is toJSON keeping zero values (for list elements).
func valueJSON(v reflect.Value) any {
	switch {
	case v.Type() == valueType:
		return v.Interface().(client.Value).String()
	case v.Type() == timeType:
		return v.Interface().(time.Time).Format(time.RFC3339)
	case v.Type() == bytesType:
		return bytesJSON(v.Bytes())
	}
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Kind() == reflect.Slice {
		return s.String() // NumSet: 1:4,7
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return valueJSON(v.Elem())
	case reflect.Struct:
		return structJSON(v)
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = valueJSON(v.Index(i))
		}
		return out
	}
	return v.Interface()
}

// structJSON converts a struct: lower-cased field names, zero values left
// out, except where a zero means something: the field X of a true HasX
// presence flag (flags [], size 0), and the fields of zeroIsData and
// bodyZeroIsData. The HasX flags themselves are not shown.
func structJSON(v reflect.Value) object {
	var obj object
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || isPresenceFlag(t, f) {
			continue
		}
		val := toJSON(v.Field(i))
		if val == nil && keepZero(v, f) {
			val = valueJSON(v.Field(i))
		}
		if val != nil {
			obj = append(obj, field{strings.ToLower(f.Name), val})
		}
	}
	return obj
}

// zeroIsData lists, per type, the fields whose zero value is data and
// so is shown: a count of 0, the empty mailbox name LIST "" "" returns,
// the personal namespace's "" prefix, the quota root "", empty rights
// (LISTRIGHTS' required rights are often ""), a parameter's empty value.
var zeroIsData = map[reflect.Type]map[string]bool{
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
	statusItemType    = reflect.TypeOf(client.StatusItem{})
	bodyStructureType = reflect.TypeOf(client.BodyStructure{})
)

// isPresenceFlag reports a bool field HasX that says whether field X came.
func isPresenceFlag(t reflect.Type, f reflect.StructField) bool {
	name, ok := strings.CutPrefix(f.Name, "Has")
	if !ok || f.Type.Kind() != reflect.Bool {
		return false
	}
	_, found := t.FieldByName(name)
	return found
}

// keepZero reports whether a zero field is shown anyway.
func keepZero(v reflect.Value, f reflect.StructField) bool {
	switch {
	case v.Type() == statusItemType && f.Name == "Value":
		return v.FieldByName("Data").IsNil() // a number, not APPENDLIMIT NIL
	case v.Type() == bodyStructureType:
		return bodyZeroIsData(v.Interface().(client.BodyStructure), f.Name)
	case zeroIsData[v.Type()][f.Name]:
		return true
	}
	has := v.FieldByName("Has" + f.Name)
	return has.IsValid() && has.Kind() == reflect.Bool && has.Bool()
}

// bytesJSON shows body data as text when it is UTF-8.
func bytesJSON(b []byte) any {
	if utf8.Valid(b) {
		return string(b)
	}
	return object{{"base64", b}}
}

// bodyZeroIsData reports the BODYSTRUCTURE fields whose zero is data: a
// single part's size, and the lines of a text or message part.
func bodyZeroIsData(b client.BodyStructure, field string) bool {
	single := len(b.Parts) == 0 && !strings.EqualFold(b.Type, "multipart")
	switch field {
	case "Size":
		return single
	case "Lines":
		return single && (strings.EqualFold(b.Type, "text") || b.Body != nil)
	}
	return false
}

// AlertJSON is the JSON line of an [ALERT] that came outside any
// command (while connecting): {"alert":…,"status":…,"command":…}.
func AlertJSON(a client.Alert) any {
	return object{{"alert", a.Text}, {"status", a.Status}, {"command", a.Command}}
}
