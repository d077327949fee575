package render

import "imapsh/client"

// The members of the --json objects, each left out when its value is
// the zero of its type (the rule of README's "JSON output"), with the
// name that the struct field's lower-cased name gives. Members whose zero
// is data are written with the plain writers (key, then the value).

// strField writes a string member unless it is "".
func (w *jsonWriter) strField(name, s string) {
	if s != "" {
		w.key(name)
		w.str(s)
	}
}

// uintField writes a number member unless it is 0.
func (w *jsonWriter) uintField(name string, n uint64) {
	if n != 0 {
		w.key(name)
		w.uint(n)
	}
}

// boolField writes a member that is true.
func (w *jsonWriter) boolField(name string, v bool) {
	if v {
		w.key(name)
		w.boolean(true)
	}
}

// strsField writes a list of strings unless it is nil (an empty list
// that is not nil is written: [] means the server sent an empty list).
func (w *jsonWriter) strsField(name string, ss []string) {
	if ss != nil {
		w.key(name)
		w.strs(ss)
	}
}

// valuesField writes generic values unless the list is nil.
func (w *jsonWriter) valuesField(name string, vs []client.Value) {
	if vs != nil {
		w.key(name)
		w.values(vs)
	}
}

// valueField writes one generic value unless it is the zero Value.
func (w *jsonWriter) valueField(name string, v client.Value) {
	if v.Kind != 0 || v.Str != "" || v.Num != 0 || v.List != nil {
		w.key(name)
		w.str(v.String())
	}
}

// numPtrField writes a number that may be absent (nil).
func (w *jsonWriter) numPtrField(name string, n *uint32) {
	if n != nil {
		w.key(name)
		w.uint(uint64(*n))
	}
}

// numSetField writes a sequence set as IMAP text (1:4,7) unless it is nil.
func (w *jsonWriter) numSetField(name string, set client.NumSet) {
	if set != nil {
		w.key(name)
		w.str(set.String())
	}
}
