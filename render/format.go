package render

import (
	"strconv"
	"strings"

	"imapsh/client"
)

// humanSize formats a byte count with binary units: 512 B, 12.3 KiB,
// 120 KiB, 10 GiB.
func humanSize(n uint64) string { return string(appendHumanSize(nil, n)) }

// appendHumanSize appends humanSize(n).
func appendHumanSize(b []byte, n uint64) []byte {
	if n < 1024 {
		return append(strconv.AppendUint(b, n, 10), " B"...)
	}
	return appendScaled(b, float64(n)/1024)
}

// humanKiB formats a count of 1024-octet units (quota STORAGE) without
// overflowing on absurd values.
func humanKiB(n uint64) string {
	if n == 0 {
		return "0 B"
	}
	return scaled(float64(n))
}

// sizeUnits are the units of scaled, from KiB up.
var sizeUnits = [...]string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"}

// scaled formats v KiB in the largest unit that keeps it under 1024: no
// decimal from 100 on, else one unless it is 0 ("12.3 KiB", "12 KiB").
func scaled(v float64) string {
	var buf [32]byte
	return string(appendScaled(buf[:0], v))
}

// appendScaled appends scaled(v).
func appendScaled(b []byte, v float64) []byte {
	i := 0
	for v >= 1024 && i < len(sizeUnits)-1 {
		v /= 1024
		i++
	}
	start := len(b)
	if v >= 100 {
		b = strconv.AppendFloat(b, v, 'f', 0, 64)
	} else {
		b = strconv.AppendFloat(b, v, 'f', 1, 64)
		if n := len(b); n-start >= 2 && b[n-2] == '.' && b[n-1] == '0' {
			b = b[:n-2]
		}
	}
	b = append(b, ' ')
	return append(b, sizeUnits[i]...)
}

// plural formats a count and a noun: "1 message", "4 messages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// num formats a number.
func num[T ~uint32 | ~uint64 | ~int](n T) string { return strconv.FormatUint(uint64(n), 10) }

// inline formats a generic value on one line in IMAP-like syntax, safe:
// atoms bare, strings quoted, NIL, numbers, (lists).
func inline(v client.Value) string {
	switch v.Kind {
	case client.KindNumber:
		return num(v.Num)
	case client.KindString:
		return quote(v.Str)
	case client.KindNil:
		return "NIL"
	case client.KindList:
		return "(" + inlineList(v.List) + ")"
	}
	return Safe(v.Str)
}

func inlineList(vs []client.Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = inline(v)
	}
	return strings.Join(parts, " ")
}

// quote shows a server string in double quotes with \ and " escaped, then
// made safe, so that a control shown by Safe (\u202e) stays distinct from
// the same text sent literally (\\u202e).
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + Safe(r.Replace(s)) + `"`
}

// orQuotedEmpty shows a name, or "" when it is empty (quota roots,
// namespace prefixes).
func orQuotedEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return Safe(s)
}

// genericTree writes a value as an indented tree when it does not fit on
// one line: each element of a long list on its own line.
func genericTree(p *printer, indent, label string, v client.Value) {
	one := inline(v)
	if v.Kind != client.KindList || textWidth(indent+label+one) < p.width() {
		p.line(indent + label + one)
		return
	}
	p.line(indent + label + "(")
	for _, e := range v.List {
		genericTree(p, indent+"  ", "", e)
	}
	p.line(indent + ")")
}

// codeText formats a response code as [NAME args], painted.
func codeText(th *Theme, c *client.Code) string {
	if c == nil {
		return ""
	}
	s := Safe(c.Name)
	switch {
	case c.Raw != "": // the data as sent: resp-text-code's text is free-form
		s += " " + Safe(c.Raw)
	case len(c.Args) > 0:
		s += " " + inlineList(c.Args)
	}
	return paint(th.Code, "["+s+"]")
}

// flagList joins flags, each made safe and painted.
func flagList(th *Theme, flags []string) string {
	parts := make([]string, len(flags))
	for i, f := range flags {
		parts[i] = paint(th.Flag, Safe(f))
	}
	return strings.Join(parts, " ")
}
