package render

import (
	"net/url"
	"sort"
	"strconv"
	"strings"

	"imapsh/client"
)

// extendedParam finds the RFC 2231 form of parameter name: name* (one
// charset'lang'%XX value), or its continuations name*0*, name*1*, ...
// and name*0, name*1, ... joined in order. It reports false when there is
// none; a value that does not decode (bad %XX, unknown charset) is
// returned as sent. The result is not yet safe.
func extendedParam(ps []client.Param, name string) (string, bool) {
	if v, ok := findParam(ps, name+"*"); ok {
		return decodeExtended(v, v), true
	}
	segs := continuations(ps, name)
	if len(segs) == 0 {
		return "", false
	}
	var raw, encoded strings.Builder
	for _, s := range segs {
		raw.WriteString(s.value)
		if s.encoded {
			encoded.WriteString(s.value)
		} else {
			encoded.WriteString(url.PathEscape(s.value)) // plain text, no ' to split on
		}
	}
	if !segs[0].encoded { // only an encoded first segment names a charset
		return raw.String(), true
	}
	return decodeExtended(encoded.String(), raw.String()), true
}

// segment is one continuation of an RFC 2231 parameter.
type segment struct {
	index   int
	value   string
	encoded bool // name*N* rather than name*N
}

// continuations returns the name*N and name*N* parameters from index 0 up
// to the first gap, in order.
func continuations(ps []client.Param, name string) []segment {
	prefix := strings.ToLower(name) + "*"
	var segs []segment
	for _, p := range ps {
		rest, ok := strings.CutPrefix(strings.ToLower(p.Name), prefix)
		if !ok {
			continue
		}
		digits, encoded := strings.CutSuffix(rest, "*")
		n, err := strconv.Atoi(digits)
		if err != nil || n < 0 || digits != strconv.Itoa(n) {
			continue
		}
		segs = append(segs, segment{index: n, value: p.Value, encoded: encoded})
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].index < segs[j].index })
	for i, s := range segs {
		if s.index != i {
			return segs[:i]
		}
	}
	return segs
}

// decodeExtended decodes charset'lang'%XX (RFC 2231 section 4), or gives
// fallback when v is malformed or in an unknown charset.
func decodeExtended(v, fallback string) string {
	cs, rest, ok := strings.Cut(v, "'")
	if !ok {
		return fallback
	}
	_, text, ok := strings.Cut(rest, "'")
	if !ok {
		return fallback
	}
	raw, err := url.PathUnescape(text)
	if err != nil {
		return fallback
	}
	out, err := toUTF8(cs, []byte(raw))
	if err != nil {
		return fallback
	}
	return out
}

func findParam(ps []client.Param, name string) (string, bool) {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p.Value, true
		}
	}
	return "", false
}
