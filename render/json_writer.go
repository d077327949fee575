package render

import (
	"encoding/base64"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"imapsh/client"
)

// The --json output is appended to one buffer by the json* functions of
// this file and the json_*.go files beside it, with no reflection and no
// second pass: each value is written once, in its final form. They take
// the buffer and return it (dst = jsonStr(dst, s)), so that it lives in
// the caller's registers and stack: a buffer stored in a struct through
// a pointer at every append would cost a GC write barrier each time.
//
// Where a comma goes follows from the last byte written: after '{', '['
// or a member's ':' none is needed, after any value ('"', a digit, true,
// false, null, '}' or ']') one is. The caller keeps that byte in dst
// (JSONStream puts the comma between responses itself).

// jsonSep writes the comma a member or element needs after another.
func jsonSep(dst []byte) []byte {
	if n := len(dst); n > 0 {
		switch dst[n-1] {
		case '{', '[', ':':
		default:
			dst = append(dst, ',')
		}
	}
	return dst
}

// jsonKey writes a member's name and colon; name is a lower-case ASCII
// constant, which needs no escaping.
func jsonKey(dst []byte, name string) []byte {
	dst = jsonSep(dst)
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, '"', ':')
}

// jsonOpen starts an object ('{') or an array ('[') as a value.
func jsonOpen(dst []byte, c byte) []byte {
	dst = jsonSep(dst)
	return append(dst, c)
}

// jsonClose ends the object ('}') or array (']') last opened.
func jsonClose(dst []byte, c byte) []byte {
	return append(dst, c)
}

// jsonStr writes a string value (see appendJSONString).
func jsonStr(dst []byte, s string) []byte {
	dst = jsonSep(dst)
	return appendJSONString(dst, s)
}

// jsonUint writes a number.
func jsonUint(dst []byte, n uint64) []byte {
	dst = jsonSep(dst)
	return strconv.AppendUint(dst, n, 10)
}

// jsonInt writes a signed number.
func jsonInt(dst []byte, n int64) []byte {
	dst = jsonSep(dst)
	return strconv.AppendInt(dst, n, 10)
}

// jsonBoolean writes true or false.
func jsonBoolean(dst []byte, v bool) []byte {
	dst = jsonSep(dst)
	return strconv.AppendBool(dst, v)
}

// jsonNull writes null.
func jsonNull(dst []byte) []byte {
	dst = jsonSep(dst)
	return append(dst, "null"...)
}

// jsonFloat writes a number as encoding/json does: the shortest decimal that
// reads back the same, in exponent form below 1e-6 and from 1e21 on
// (e-07, not e-07's leading zero: e-7). JSON has no NaN or infinity; they
// are written as 0 (elapsed_ms, the one float, is never either).
func jsonFloat(dst []byte, f float64) []byte {
	dst = jsonSep(dst)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, '0')
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if n := len(dst); format == 'e' && n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
		dst[n-2] = dst[n-1]
		dst = dst[:n-1]
	}
	return dst
}

// jsonTime writes an RFC 3339 timestamp as a string.
func jsonTime(dst []byte, t time.Time) []byte {
	dst = jsonSep(dst)
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, time.RFC3339)
	return append(dst, '"')
}

// jsonBytes writes body data as a string when it is UTF-8 and as
// {"base64":"..."} (standard encoding, padded) when it is not.
func jsonBytes(dst []byte, data []byte) []byte {
	dst = jsonSep(dst)
	if utf8.Valid(data) {
		return appendJSONString(dst, data)
	}
	dst = append(dst, `{"base64":"`...)
	dst = base64.StdEncoding.AppendEncode(dst, data)
	return append(dst, `"}`...)
}

// jsonStrs writes a list of strings.
func jsonStrs(dst []byte, ss []string) []byte {
	dst = jsonOpen(dst, '[')
	for _, s := range ss {
		dst = jsonStr(dst, s)
	}
	return jsonClose(dst, ']')
}

// jsonValues writes generic IMAP values as their IMAP text.
func jsonValues(dst []byte, vs []client.Value) []byte {
	dst = jsonOpen(dst, '[')
	for _, v := range vs {
		dst = jsonStr(dst, v.String())
	}
	return jsonClose(dst, ']')
}
