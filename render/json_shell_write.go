package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// jsonShellFields writes a meta-command's own fields (ShellJSON) after
// the others, as encoding/json wrote them when they were marshalled
// embedded in the tail: they come once per meta-command, never per
// message, and are many and nested, so they keep encoding/json, with the
// runes Safe neutralises escaped after it (appendJSONString's rule).
func jsonShellFields(dst []byte, sh *ShellJSON) ([]byte, error) {
	if sh == nil {
		return dst, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sh); err != nil {
		return dst, err
	}
	object := bytes.TrimSpace(b.Bytes())
	members := object[1 : len(object)-1]
	if len(members) == 0 {
		return dst, nil
	}
	return appendEscapingUnsafe(jsonSep(dst), members), nil
}

// appendEscapingUnsafe appends JSON text (valid UTF-8, as encoding/json
// writes it) with the runes isUnsafeRune reports written as \uXXXX:
// outside strings JSON is ASCII, so they are all inside strings.
func appendEscapingUnsafe(dst, text []byte) []byte {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r >= utf8.RuneSelf && isUnsafeRune(r) {
			dst = fmt.Appendf(dst, `\u%04x`, r)
		} else {
			dst = append(dst, text[i:i+size]...)
		}
		i += size
	}
	return dst
}
