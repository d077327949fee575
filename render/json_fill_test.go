package render

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"imapsh/client"
)

// TestJSONEveryFieldWritten: one response of every type with every
// exported field filled in by reflection, nested types and lists
// included, is written as the oracle writes it. The oracle reads the
// fields by reflection, so a field added to a client type without its
// line in an appender fails here, not silently in users' output.
func TestJSONEveryFieldWritten(t *testing.T) {
	for _, sample := range jsonSamples(jsonInput{}) {
		for _, zeros := range []bool{false, true} {
			v := reflect.New(reflect.TypeOf(sample).Elem())
			fillFields(v.Elem(), zeros, 0)
			if m, ok := v.Interface().(*client.MalformedData); ok {
				m.Err = &client.ProtocolError{Err: errors.New("bad \u202e")}
			}
			checkJSONResponse(t, v.Interface().(client.Response))
		}
	}
}

// fillFields sets every exported field of v, recursively down to depth
// 3: strings (with a C1 control), numbers and booleans (zero when zeros
// is set), pointers, lists of two, times.
func fillFields(v reflect.Value, zeros bool, depth int) {
	n := depth + 1
	if zeros {
		n = 0
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d \u009b\"", depth))
	case reflect.Bool:
		v.SetBool(!zeros)
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Pointer:
		if depth < 3 {
			v.Set(reflect.New(v.Type().Elem()))
			fillFields(v.Elem(), zeros, depth+1)
		}
	case reflect.Slice:
		if depth < 3 {
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range 2 {
				fillFields(v.Index(i), zeros, depth+1)
			}
		}
	case reflect.Struct:
		fillStruct(v, zeros, depth)
	}
}

func fillStruct(v reflect.Value, zeros bool, depth int) {
	if v.Type() == reflect.TypeOf(time.Time{}) {
		v.Set(reflect.ValueOf(time.Date(2024, 3, 4, 16, 28, depth, 0, time.FixedZone("", 3600))))
		return
	}
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() {
			fillFields(v.Field(i), zeros, depth+1)
		}
	}
}
