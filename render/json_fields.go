package render

import "imapsh/client"

// The members of the --json objects, each left out when its value is
// the zero of its type (the rule of README's "JSON output"), with the
// name that the struct field's lower-cased name gives. Members whose zero
// is data are written with jsonKey and the value.

// jsonStrField writes a string member unless it is "".
func jsonStrField(dst []byte, name, s string) []byte {
	if s != "" {
		dst = jsonKey(dst, name)
		dst = jsonStr(dst, s)
	}
	return dst
}

// jsonUintField writes a number member unless it is 0.
func jsonUintField(dst []byte, name string, n uint64) []byte {
	if n != 0 {
		dst = jsonKey(dst, name)
		dst = jsonUint(dst, n)
	}
	return dst
}

// jsonBoolField writes a member that is true.
func jsonBoolField(dst []byte, name string, v bool) []byte {
	if v {
		dst = jsonKey(dst, name)
		dst = jsonBoolean(dst, true)
	}
	return dst
}

// jsonStrsField writes a list of strings unless it is nil (an empty list
// that is not nil is written: [] means the server sent an empty list).
func jsonStrsField(dst []byte, name string, ss []string) []byte {
	if ss != nil {
		dst = jsonKey(dst, name)
		dst = jsonStrs(dst, ss)
	}
	return dst
}

// jsonValuesField writes generic values unless the list is nil.
func jsonValuesField(dst []byte, name string, vs []client.Value) []byte {
	if vs != nil {
		dst = jsonKey(dst, name)
		dst = jsonValues(dst, vs)
	}
	return dst
}

// jsonValueField writes one generic value unless it is the zero Value.
func jsonValueField(dst []byte, name string, v client.Value) []byte {
	if v.Kind != 0 || v.Str != "" || v.Num != 0 || v.List != nil {
		dst = jsonKey(dst, name)
		dst = jsonStr(dst, v.String())
	}
	return dst
}

// jsonNumPtrField writes a number that may be absent (nil).
func jsonNumPtrField(dst []byte, name string, n *uint32) []byte {
	if n != nil {
		dst = jsonKey(dst, name)
		dst = jsonUint(dst, uint64(*n))
	}
	return dst
}

// jsonNumSetField writes a sequence set as IMAP text (1:4,7) unless it is nil.
func jsonNumSetField(dst []byte, name string, set client.NumSet) []byte {
	if set != nil {
		dst = jsonKey(dst, name)
		dst = jsonStr(dst, set.String())
	}
	return dst
}

// jsonObjectsField writes a list of objects unless it is nil, each
// element's members written by members between its braces.
func jsonObjectsField[T any](dst []byte, name string, xs []T, members func([]byte, T) []byte) []byte {
	if xs == nil {
		return dst
	}
	dst = jsonOpen(jsonKey(dst, name), '[')
	for _, x := range xs {
		dst = jsonClose(members(jsonOpen(dst, '{'), x), '}')
	}
	return jsonClose(dst, ']')
}
