package render

import (
	"encoding/base64"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"imapsh/client"
)

// jsonWriter appends JSON to one buffer, with no reflection and no second
// pass: each value is written once, in its final form. comma says that a
// value was just written at the current level, so that the next member
// or element needs a comma before it; opening an object or array clears
// it and closing one sets it, so one flag serves every level.
type jsonWriter struct {
	b     []byte
	comma bool
}

// sep writes the comma a member or element needs after another.
func (w *jsonWriter) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
}

// key writes a member's name and colon; name is a lower-case ASCII
// constant, which needs no escaping.
func (w *jsonWriter) key(name string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

// open starts an object ('{') or an array ('[') as a value.
func (w *jsonWriter) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = false
}

// close ends the object ('}') or array (']') last opened.
func (w *jsonWriter) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

// str writes a string value (see appendJSONString).
func (w *jsonWriter) str(s string) {
	w.sep()
	w.b = appendJSONString(w.b, s)
	w.comma = true
}

// uint writes a number.
func (w *jsonWriter) uint(n uint64) {
	w.sep()
	w.b = strconv.AppendUint(w.b, n, 10)
	w.comma = true
}

// int writes a signed number.
func (w *jsonWriter) int(n int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, n, 10)
	w.comma = true
}

// boolean writes true or false.
func (w *jsonWriter) boolean(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
	w.comma = true
}

// null writes null.
func (w *jsonWriter) null() {
	w.sep()
	w.b = append(w.b, "null"...)
	w.comma = true
}

// float writes a number as encoding/json does: the shortest decimal that
// reads back the same, in exponent form below 1e-6 and from 1e21 on
// (e-07, not e-07's leading zero: e-7). JSON has no NaN or infinity; they
// are written as 0 (elapsed_ms, the one float, is never either).
func (w *jsonWriter) float(f float64) {
	w.sep()
	w.comma = true
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.b = append(w.b, '0')
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if n := len(w.b); format == 'e' && n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
		w.b[n-2] = w.b[n-1]
		w.b = w.b[:n-1]
	}
}

// time writes an RFC 3339 timestamp as a string.
func (w *jsonWriter) time(t time.Time) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, time.RFC3339)
	w.b = append(w.b, '"')
	w.comma = true
}

// bytes writes body data as a string when it is UTF-8 and as
// {"base64":"..."} (standard encoding, padded) when it is not.
func (w *jsonWriter) bytes(data []byte) {
	w.sep()
	w.comma = true
	if utf8.Valid(data) {
		w.b = appendJSONString(w.b, data)
		return
	}
	w.b = append(w.b, `{"base64":"`...)
	w.b = base64.StdEncoding.AppendEncode(w.b, data)
	w.b = append(w.b, `"}`...)
}

// strs writes a list of strings.
func (w *jsonWriter) strs(ss []string) {
	w.open('[')
	for _, s := range ss {
		w.str(s)
	}
	w.close(']')
}

// values writes generic IMAP values as their IMAP text.
func (w *jsonWriter) values(vs []client.Value) {
	w.open('[')
	for _, v := range vs {
		w.str(v.String())
	}
	w.close(']')
}
