package client

import (
	"fmt"
	"strings"

	"imapsh/client/internal/wire"
)

// bodyStructure reads BODYSTRUCTURE or BODY (RFC 9051 section 7.5.2:
// body = "(" (body-type-1part / body-type-mpart) ")"). The body is read
// as a generic value tree first (bounded by Limits.MaxDepth and
// MaxItems), then interpreted, so that any well-bracketed answer is kept:
// what servers get wrong is accepted where the meaning is clear, and
// whatever does not fit its field is kept in Ext and flagged.
func (p *parser) bodyStructure() *BodyStructure {
	d := p.d
	if d.NIL() {
		return nil
	}
	if d.Peek() != '(' {
		d.Expected("'(' of a body")
		return nil
	}
	m := d.Mark()
	if b, ok := p.bodyFast(); ok {
		return b
	}
	if !d.Rewind(m) { // a literal was read since: the error stands
		return nil
	}
	v, ok := d.Value()
	if !ok {
		return nil
	}
	r := bodyReader{warn: func(msg string) {
		d.Warn(&wire.SyntaxError{Offset: d.Offset(), Expected: "a BODYSTRUCTURE per RFC 9051", Got: msg})
	}}
	return r.body(v.List)
}

// bodyReader interprets body value trees; warn flags a field that does
// not follow the grammar (the value itself is kept in Ext).
type bodyReader struct{ warn func(string) }

// body interprets the elements of one body list.
func (r bodyReader) body(l []Value) *BodyStructure {
	switch {
	case len(l) == 0:
		// "()" as the body of a message/rfc822 part: Domino (MailKit #944).
		return nil
	case l[0].Kind == KindList:
		return r.multipart(l)
	case len(l) >= 2 && isNString(l[0]) && isNString(l[1]):
		switch {
		case hasOctets(l, 6):
		case l[0].Kind == KindNil:
			// (NIL "alternative" (params) NIL NIL NIL): a multipart with
			// NIL for its parts (MailKit #1393).
			return r.partless(l[1], l[2:])
		case l[1].Kind == KindNil:
			// ("RELATED" NIL ("ATTACHMENT" NIL) NIL): a multipart without
			// parts whose parameters are NIL (Gmail, MailKit #777).
			return r.partless(l[0], l[1:])
		}
		return r.single(l)
	case len(l) >= 6 && isNString(l[0]) && isParams(l[1]) && hasOctets(l, 5):
		// ("X-ZIP" ("BOUNDARY" "") NIL NIL "base64" 4096): the media type
		// left out, the subtype first (MailKit #371).
		b := r.single(append([]Value{{Kind: KindNil}}, l...))
		b.Type = ""
		return b
	}
	// ("ALTERNATIVE" ("BOUNDARY" "x") NIL NIL) or ("MIXED"): a multipart
	// without parts, its subtype first (Gmail, MailKit #205; ruby/net-imap
	// body_type_mixed).
	return r.partless(l[0], l[1:])
}

// multipart interprets body-type-mpart: 1*body SP media-subtype
// [SP body-ext-mpart].
func (r bodyReader) multipart(l []Value) *BodyStructure {
	b := &BodyStructure{Type: "multipart"}
	i := 0
	for ; i < len(l) && l[i].Kind == KindList; i++ {
		part := r.body(l[i].List)
		if part == nil {
			part = &BodyStructure{} // "()" as a part: kept, so part numbers stay right
		}
		b.Parts = append(b.Parts, part)
	}
	if i < len(l) {
		b.Subtype = strings.ToLower(r.nstring("media-subtype", l[i], b))
		i++
	}
	r.extMultipart(b, l[i:])
	return b
}

// partless builds a multipart with no parts from its subtype and
// extension data.
func (r bodyReader) partless(subtype Value, ext []Value) *BodyStructure {
	b := &BodyStructure{Type: "multipart"}
	b.Subtype = strings.ToLower(r.nstring("media-subtype", subtype, b))
	r.extMultipart(b, ext)
	return b
}

// single interprets body-type-1part: body-type-basic, body-type-msg or
// body-type-text, then [SP body-ext-1part].
func (r bodyReader) single(l []Value) *BodyStructure {
	b := &BodyStructure{}
	b.Type = strings.ToLower(r.nstring("media-type", l[0], b))
	b.Subtype = strings.ToLower(r.nstring("media-subtype", l[1], b))
	rest := r.fields(b, l[2:])
	switch {
	case b.Type == "message" && (b.Subtype == "rfc822" || b.Subtype == "global") &&
		len(rest) >= 3 && isParams(rest[0]) && isParams(rest[1]) && rest[2].Kind == KindNumber:
		// body-type-msg, NIL accepted for the envelope and the body
		// (MailKit PR #68). Sent without envelope, body and lines (as
		// body-type-basic) it is read as such (ruby/net-imap body_type_msg).
		if rest[0].Kind == KindList {
			b.Envelope = r.envelope(rest[0])
		}
		if rest[1].Kind == KindList {
			b.Body = r.body(rest[1].List)
		}
		b.Lines = rest[2].Num
		rest = rest[3:]
	case b.Type == "text" && len(rest) > 0 && rest[0].Kind == KindNumber:
		b.Lines = rest[0].Num // body-type-text; left out by Yandex (MailKit #1861)
		rest = rest[1:]
	}
	r.extSingle(b, rest)
	return b
}

// fields interprets body-fields: body-fld-param SP body-fld-id SP
// body-fld-desc SP body-fld-enc SP body-fld-octets, and returns what
// follows. Fields left out stay empty.
func (r bodyReader) fields(b *BodyStructure, l []Value) []Value {
	for i, v := range l {
		switch i {
		case 0:
			b.Params = r.params("body-fld-param", v, b)
		case 1:
			b.ID = r.nstring("body-fld-id", v, b)
		case 2:
			b.Description = r.nstring("body-fld-desc", v, b)
		case 3:
			b.Encoding = r.nstring("body-fld-enc", v, b) // NIL: modern-email/defects #41
		case 4:
			b.Size = r.number("body-fld-octets", v, b)
			return l[5:]
		}
	}
	return nil
}

// isNString reports a value that can stand for a string: a string, an
// atom sent unquoted, or NIL.
func isNString(v Value) bool {
	return v.Kind == KindString || v.Kind == KindAtom || v.Kind == KindNil
}

// isParams reports a value that can stand for body-fld-param.
func isParams(v Value) bool { return v.Kind == KindList || v.Kind == KindNil }

// hasOctets reports whether l[i] looks like body-fld-octets: a number,
// or something number-like such as mail.ru's 9.3736e+06 (MailKit #1838).
func hasOctets(l []Value, i int) bool {
	if i >= len(l) {
		return false
	}
	v := l[i]
	return v.Kind == KindNumber || (v.Kind == KindAtom && v.Str != "" && v.Str[0] >= '0' && v.Str[0] <= '9')
}

// nstring gives the text of a string field; anything else is kept in
// b.Ext and flagged.
func (r bodyReader) nstring(field string, v Value, b *BodyStructure) string {
	if isNString(v) {
		return v.Str
	}
	r.misfit(field, v, b)
	return ""
}

// number gives a number field's value; anything else is kept in b.Ext
// and flagged.
func (r bodyReader) number(field string, v Value, b *BodyStructure) uint64 {
	if v.Kind == KindNumber {
		return v.Num
	}
	r.misfit(field, v, b)
	return 0
}

// misfit keeps a value that does not fit its field and flags it.
func (r bodyReader) misfit(field string, v Value, b *BodyStructure) {
	b.Ext = append(b.Ext, v)
	r.warn(fmt.Sprintf("%s %s", field, v))
}
