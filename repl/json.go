package repl

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

// jsonResult is the --json object printed for each command. Field names
// are stable and lower case; responses carry a "kind" field each and the
// fields of the client's typed data, lower-cased, zero values left out.
type jsonResult struct {
	Command   string   `json:"command"`
	Tag       string   `json:"tag,omitempty"`
	Status    string   `json:"status"`
	Code      string   `json:"code,omitempty"`
	CodeArgs  []string `json:"code_args,omitempty"`
	Text      string   `json:"text,omitempty"`
	ElapsedMS float64  `json:"elapsed_ms"`
	Responses []any    `json:"responses"`
	Error     string   `json:"error,omitempty"`
}

// writeJSON prints one command's result as a JSON line.
func (s *Session) writeJSON(in *Input, res *client.Result, elapsed time.Duration, err error) {
	j := jsonResult{Command: in.Display, ElapsedMS: float64(elapsed.Microseconds()) / 1000, Responses: []any{}}
	if res != nil {
		j.Tag, j.Status = res.Tag, statusWord(res)
		if st := res.Status; st != nil {
			j.Text = st.Text
			if st.Code != nil {
				j.Code, j.CodeArgs = st.Code.Name, st.Code.Strings()
			}
		}
		for _, r := range res.Responses {
			j.Responses = append(j.Responses, responseJSON(r))
		}
	}
	if err != nil {
		j.Error = strings.TrimPrefix(err.Error(), "client: ")
	}
	s.writeJSONLine(j)
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
		k, _ := json.Marshal(f.key)
		v, err := json.Marshal(f.val)
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

// responseJSON converts a typed response: {"kind": "FETCH", "seq": 1, ...}.
func responseJSON(r client.Response) any {
	obj := object{{"kind", r.Kind()}}
	if m, ok := r.(*client.MalformedData); ok {
		return append(obj, field{"error", m.Err.Error()})
	}
	if conv, ok := toJSON(reflect.ValueOf(r)).(object); ok {
		obj = append(obj, conv...)
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
// presence flag (flags [], size 0), and the number of EXISTS, RECENT and
// EXPUNGE. The HasX flags themselves are not shown.
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

var numberDataType = reflect.TypeOf(client.NumberData{})

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
	if v.Type() == numberDataType && f.Name == "N" {
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
