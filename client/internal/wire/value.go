package wire

import (
	"strconv"
	"strings"
)

// Kind says which branch of the generic Value tree a node is.
type Kind uint8

// The kinds of generic values.
const (
	KindAtom   Kind = iota // atom, flag or section-bearing item such as BODY[1]<0>
	KindNumber             // unsigned number
	KindString             // quoted string or literal
	KindNil                // NIL
	KindList               // parenthesised list
)

// Value is a generic IMAP data item, used for responses, response codes and
// FETCH items the client does not model: nothing a server sends is rejected
// just because it is unknown.
type Value struct {
	Kind Kind
	Str  string  // atom text or string contents
	Num  uint64  // for KindNumber
	List []Value // for KindList
}

// String renders the value in IMAP syntax (strings quoted).
func (v Value) String() string {
	var b strings.Builder
	v.write(&b)
	return b.String()
}

func (v Value) write(b *strings.Builder) {
	switch v.Kind {
	case KindAtom:
		b.WriteString(v.Str)
	case KindNumber:
		b.WriteString(strconv.FormatUint(v.Num, 10))
	case KindString:
		b.WriteString(strconv.Quote(v.Str))
	case KindNil:
		b.WriteString("NIL")
	case KindList:
		b.WriteByte('(')
		for i, e := range v.List {
			if i > 0 {
				b.WriteByte(' ')
			}
			e.write(b)
		}
		b.WriteByte(')')
	}
}

// AsString returns the text of an atom, string or number, and "" for NIL
// and lists.
func (v Value) AsString() string {
	switch v.Kind {
	case KindAtom, KindString:
		return v.Str
	case KindNumber:
		return strconv.FormatUint(v.Num, 10)
	}
	return ""
}

// Value consumes any data item into a generic tree. An atom directly
// followed by '[' (BODY[HEADER.FIELDS (A B)]<0.100>) is kept as one atom.
func (d *Decoder) Value() (Value, bool) {
	switch c := d.Peek(); {
	case c == '(':
		var list []Value
		ok := d.List(func() bool {
			v, ok := d.Value()
			list = append(list, v)
			return ok
		})
		return Value{Kind: KindList, List: list}, ok
	case c == '"' || c == '{' || c == '~':
		s, ok := d.String()
		return Value{Kind: KindString, Str: s}, ok
	case c >= '0' && c <= '9':
		return d.numberOrAtom()
	case c == '\\':
		s, ok := d.Flag()
		return Value{Kind: KindAtom, Str: s}, ok
	}
	if d.NIL() {
		return Value{Kind: KindNil}, true
	}
	s, ok := d.ItemName()
	return Value{Kind: KindAtom, Str: s}, ok
}

// numberOrAtom reads 123 as a number and 1:4,7 or 12abc as an atom.
func (d *Decoder) numberOrAtom() (Value, bool) {
	start := d.pos
	b, _ := d.AtomBytes()
	if n, err := strconv.ParseUint(string(b), 10, 64); err == nil {
		return Value{Kind: KindNumber, Num: n}, true
	}
	d.pos = start
	s, ok := d.ItemName()
	return Value{Kind: KindAtom, Str: s}, ok
}

// ItemName consumes an atom that may carry a bracketed section and a
// partial range: BODY[1.2.MIME], BINARY.SIZE[2], BODY[]<0.1024>, and the
// '*' and ':'-bearing set tokens.
func (d *Decoder) ItemName() (string, bool) {
	if d.err != nil {
		return "", false
	}
	start := d.pos
	for d.pos < len(d.frag) {
		c := d.frag[d.pos]
		if c == '[' {
			if !d.skipBracket() {
				return "", false
			}
			continue
		}
		if c == '*' || !atomSpecials[c] {
			d.pos++
			continue
		}
		break
	}
	if d.pos == start {
		return "", d.Expected("atom")
	}
	return d.sub(start, d.pos), true
}

// skipBracket moves past a [...] group, allowing nested parentheses and
// quoted strings, and an optional <origin> after it.
func (d *Decoder) skipBracket() bool {
	depth := 0
	for d.pos < len(d.frag) {
		c := d.frag[d.pos]
		d.pos++
		switch c {
		case '[', '(':
			depth++
		case ')':
			depth--
		case '"':
			for d.pos < len(d.frag) && d.frag[d.pos] != '"' {
				if d.frag[d.pos] == '\\' {
					d.pos++
				}
				d.pos++
			}
			d.pos = min(d.pos+1, len(d.frag))
		case ']':
			if depth--; depth == 0 {
				if d.pos < len(d.frag) && d.frag[d.pos] == '<' {
					for d.pos < len(d.frag) && d.frag[d.pos] != '>' {
						d.pos++
					}
					d.pos++
				}
				d.pos = min(d.pos, len(d.frag))
				return true
			}
		}
	}
	return d.Expected("']'")
}
