package client

import (
	"strings"
)

// bodyStructure reads BODYSTRUCTURE or BODY (RFC 9051 section 7.5.2) as a
// tree. Extension data beyond what is modelled is kept in Ext. Nesting is
// bounded by Limits.MaxDepth (a hostile server could nest without end).
func (p *parser) bodyStructure() *BodyStructure {
	d := p.d
	if d.NIL() {
		return nil
	}
	if !d.ExpectSpecial('(') {
		return nil
	}
	var b *BodyStructure
	d.Nest(func() bool { b = p.bodyStructureRest(); return true })
	return b
}

// bodyStructureRest reads a body after its opening parenthesis.
func (p *parser) bodyStructureRest() *BodyStructure {
	d := p.d
	var b *BodyStructure
	if d.Peek() == '(' {
		b = p.multipart()
	} else {
		b = p.singlePart()
	}
	for d.SP() {
		if d.Peek() == ')' {
			break
		}
		v, _ := d.Value()
		b.Ext = append(b.Ext, v)
	}
	d.ExpectSpecial(')')
	return b
}

func (p *parser) multipart() *BodyStructure {
	d := p.d
	b := &BodyStructure{Type: "multipart"}
	for d.Peek() == '(' && d.Err() == nil {
		b.Parts = append(b.Parts, p.bodyStructure())
		d.SP() // some servers separate parts with a space
	}
	b.Subtype = strings.ToLower(p.nstring())
	if !d.SP() || d.Peek() == ')' {
		return b
	}
	b.Params = p.params()
	p.commonExtensions(b)
	return b
}

func (p *parser) singlePart() *BodyStructure {
	d := p.d
	b := &BodyStructure{}
	b.Type = strings.ToLower(p.nstring())
	d.ExpectSP()
	b.Subtype = strings.ToLower(p.nstring())
	d.ExpectSP()
	b.Params = p.params()
	d.ExpectSP()
	b.ID = p.nstring()
	d.ExpectSP()
	b.Description = p.nstring()
	d.ExpectSP()
	b.Encoding = p.nstring()
	d.ExpectSP()
	b.Size, _ = d.Number()
	switch {
	case b.Type == "message" && (b.Subtype == "rfc822" || b.Subtype == "global") && d.Peek() == ' ':
		d.SP()
		b.Envelope = p.envelope()
		d.ExpectSP()
		b.Body = p.bodyStructure()
		d.ExpectSP()
		b.Lines, _ = d.Number()
	case b.Type == "text":
		if d.SP() {
			b.Lines, _ = d.Number()
		}
	}
	if !d.SP() || d.Peek() == ')' {
		return b
	}
	b.MD5 = p.nstring()
	p.commonExtensions(b)
	return b
}

// commonExtensions reads the extension fields both part kinds end with:
// [SP disposition [SP language [SP location]]].
func (p *parser) commonExtensions(b *BodyStructure) {
	d := p.d
	if d.SP() {
		p.disposition(b)
	}
	if d.SP() {
		b.Language = p.language()
	}
	if d.SP() {
		b.Location = p.nstring()
	}
}

// params reads body-fld-param: (name value ...) or NIL.
func (p *parser) params() []Param {
	d := p.d
	var out []Param
	var name string
	n := 0
	d.List(func() bool {
		s, _, ok := d.NString()
		if n%2 == 0 {
			name = s
		} else {
			out = append(out, Param{Name: strings.ToLower(name), Value: s})
		}
		n++
		return ok
	})
	return out
}

// disposition reads body-fld-dsp: ("attachment" (params)) or NIL.
func (p *parser) disposition(b *BodyStructure) {
	d := p.d
	if d.NIL() {
		return
	}
	if d.Peek() != '(' { // a bare string, seen on broken servers
		b.Disposition = strings.ToLower(p.nstring())
		return
	}
	d.ExpectSpecial('(')
	b.Disposition = strings.ToLower(p.nstring())
	if d.SP() {
		b.DispParams = p.params()
	}
	d.ExpectSpecial(')')
}

// language reads body-fld-lang: a string or a list of strings.
func (p *parser) language() []string {
	d := p.d
	if d.Peek() != '(' {
		s, isNil, _ := d.NString()
		if isNil {
			return nil
		}
		return []string{s}
	}
	var out []string
	d.List(func() bool {
		v, ok := d.Value()
		out = append(out, v.AsString())
		return ok
	})
	return out
}
