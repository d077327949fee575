package client

import "strings"

// The fast path of BODYSTRUCTURE: a body that follows the grammar of RFC
// 9051 section 7.5.2 exactly is read straight into a BodyStructure,
// about four times faster than through a value tree. Any deviation makes
// it give up (ok false); bodyStructure then rewinds and uses the tolerant
// reader (bodyReader), which gives the same result for valid input.

// bodyFast reads body = "(" (body-type-1part / body-type-mpart) ")".
func (p *parser) bodyFast() (b *BodyStructure, ok bool) {
	d := p.d
	if !d.Special('(') {
		return nil, false
	}
	d.Nest(func() bool {
		if d.Peek() == '(' {
			b = p.multipartFast()
		} else {
			b = p.singleFast()
		}
		return true
	})
	return b, b != nil && d.Err() == nil && d.Special(')')
}

// multipartFast reads body-type-mpart: 1*body SP media-subtype
// [SP body-ext-mpart]; a space between the parts is allowed (Dovecot).
func (p *parser) multipartFast() *BodyStructure {
	d := p.d
	b := &BodyStructure{Type: "multipart"}
	for d.Peek() == '(' {
		part, ok := p.bodyFast()
		if !ok {
			return nil
		}
		b.Parts = append(b.Parts, part)
		if d.SP() && d.Peek() != '(' {
			break
		}
	}
	s, ok := p.stringFast()
	b.Subtype = strings.ToLower(s)
	if !ok || !d.SP() {
		return okIf(b, ok)
	}
	if b.Params, ok = p.paramsFast(); !ok {
		return nil
	}
	return okIf(b, p.extCommonFast(b))
}

// singleFast reads body-type-basic, body-type-msg or body-type-text and
// [SP body-ext-1part].
func (p *parser) singleFast() *BodyStructure {
	d := p.d
	b := &BodyStructure{}
	var ok bool
	if b.Type, ok = p.stringFast(); !ok || !d.SP() {
		return nil
	}
	if b.Subtype, ok = p.stringFast(); !ok || !d.SP() {
		return nil
	}
	b.Type, b.Subtype = strings.ToLower(b.Type), strings.ToLower(b.Subtype)
	if !p.fieldsFast(b) {
		return nil
	}
	if b.Type == "message" && (b.Subtype == "rfc822" || b.Subtype == "global") && p.peekSPList() {
		d.SP()
		b.Envelope = p.envelope()
		if !d.SP() {
			return nil
		}
		if b.Body, ok = p.bodyFast(); !ok || !d.SP() {
			return nil
		}
		b.Lines, ok = d.Number64()
		if !ok {
			return nil
		}
	} else if b.Type == "text" {
		if !d.SP() {
			return nil
		}
		if b.Lines, ok = d.Number64(); !ok {
			return nil
		}
	}
	if !d.SP() || d.Peek() == ')' {
		return b
	}
	if b.MD5, ok = p.nstringFast(); !ok {
		return nil
	}
	return okIf(b, p.extCommonFast(b))
}

// fieldsFast reads body-fields: body-fld-param SP body-fld-id SP
// body-fld-desc SP body-fld-enc SP body-fld-octets.
func (p *parser) fieldsFast(b *BodyStructure) bool {
	d := p.d
	var ok bool
	if b.Params, ok = p.paramsFast(); !ok || !d.SP() {
		return false
	}
	for _, f := range []*string{&b.ID, &b.Description, &b.Encoding} {
		if *f, ok = p.nstringFast(); !ok || !d.SP() {
			return false
		}
	}
	b.Size, ok = d.Number64()
	return ok
}

// extCommonFast reads [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc
// *(SP body-extension)]]] after md5 or the multipart parameters.
func (p *parser) extCommonFast(b *BodyStructure) bool {
	d := p.d
	if !d.SP() {
		return true
	}
	if !p.dispositionFast(b) {
		return false
	}
	if !d.SP() {
		return true
	}
	if !p.languageFast(b) {
		return false
	}
	if !d.SP() {
		return true
	}
	var ok bool
	if b.Location, ok = p.nstringFast(); !ok {
		return false
	}
	for d.SP() && d.Peek() != ')' {
		v, ok := d.Value()
		if !ok {
			return false
		}
		b.Ext = append(b.Ext, v)
	}
	return true
}

// dispositionFast reads body-fld-dsp: "(" string SP body-fld-param ")" / nil.
func (p *parser) dispositionFast(b *BodyStructure) bool {
	d := p.d
	if d.NIL() {
		return true
	}
	if !d.Special('(') {
		return false
	}
	s, ok := p.stringFast()
	if !ok || !d.SP() {
		return false
	}
	b.Disposition = strings.ToLower(s)
	if b.DispParams, ok = p.paramsFast(); !ok {
		return false
	}
	return d.Special(')')
}

// languageFast reads body-fld-lang: nstring / "(" string *(SP string) ")".
func (p *parser) languageFast(b *BodyStructure) bool {
	d := p.d
	if d.Peek() != '(' {
		s, isNil, ok := d.NString()
		if ok && !isNil {
			b.Language = []string{s}
		}
		return ok
	}
	return d.List(func() bool {
		s, ok := p.stringFast()
		b.Language = append(b.Language, s)
		return ok
	}) && len(b.Language) > 0
}

// paramsFast reads body-fld-param: "(" string SP string *(SP string SP
// string) ")" / nil.
func (p *parser) paramsFast() ([]Param, bool) {
	d := p.d
	if d.NIL() {
		return nil, true
	}
	var out []Param
	n := 0
	ok := d.List(func() bool {
		s, ok := p.stringFast()
		if n%2 == 0 {
			out = append(out, Param{Name: strings.ToLower(s)})
		} else {
			out[len(out)-1].Value = s
		}
		n++
		return ok
	})
	return out, ok && n > 0 && n%2 == 0
}

// stringFast reads a string (quoted or literal); anything else fails.
func (p *parser) stringFast() (string, bool) {
	if c := p.d.Peek(); c != '"' && c != '{' && c != '~' {
		return "", false
	}
	return p.d.String()
}

// nstringFast reads an nstring.
func (p *parser) nstringFast() (string, bool) {
	s, _, ok := p.d.NString()
	return s, ok
}

// peekSPList reports whether SP "(" comes next: the envelope of a
// body-type-msg, rather than the extension data of a message/rfc822 part
// sent as body-type-basic.
func (p *parser) peekSPList() bool { return p.d.PeekFold(" (") }

func okIf(b *BodyStructure, ok bool) *BodyStructure {
	if !ok {
		return nil
	}
	return b
}
