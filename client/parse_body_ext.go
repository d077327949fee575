package client

import "strings"

// extMultipart interprets body-ext-mpart: body-fld-param [SP body-fld-dsp
// [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]].
func (r bodyReader) extMultipart(b *BodyStructure, l []Value) {
	if len(l) == 0 {
		return
	}
	if !isParams(l[0]) {
		r.extCommon(b, l) // parameters left out, e.g. a description where they belong
		return
	}
	b.Params = r.params("body-fld-param", l[0], b)
	r.extCommon(b, l[1:])
}

// extSingle interprets body-ext-1part: body-fld-md5 [SP body-fld-dsp
// [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]].
func (r bodyReader) extSingle(b *BodyStructure, l []Value) {
	if len(l) == 0 {
		return
	}
	if l[0].Kind == KindList {
		// A list where the MD5 belongs: a multipart sent as a basic part,
		// its body-ext-mpart after the octets (MailKit #878).
		b.Ext = append(b.Ext, l...)
		return
	}
	b.MD5 = r.nstring("body-fld-md5", l[0], b)
	r.extCommon(b, l[1:])
}

// extCommon interprets [body-fld-dsp [SP body-fld-lang [SP body-fld-loc
// *(SP body-extension)]]]; body extensions go to Ext.
func (r bodyReader) extCommon(b *BodyStructure, l []Value) {
	for i, v := range l {
		switch i {
		case 0:
			r.disposition(b, v)
		case 1:
			b.Language = r.language(b, v)
		case 2:
			b.Location = r.nstring("body-fld-loc", v, b)
		default:
			b.Ext = append(b.Ext, l[i:]...)
			return
		}
	}
}

// disposition interprets body-fld-dsp: "(" string SP body-fld-param ")"
// / nil. A bare string (Exchange, MailKit #919) and (NIL NIL) (Exchange)
// are accepted.
func (r bodyReader) disposition(b *BodyStructure, v Value) {
	switch v.Kind {
	case KindNil:
	case KindString, KindAtom:
		b.Disposition = strings.ToLower(v.Str)
	case KindList:
		for i, e := range v.List {
			switch i {
			case 0:
				b.Disposition = strings.ToLower(r.nstring("body-fld-dsp", e, b))
			case 1:
				b.DispParams = r.params("body-fld-dsp parameters", e, b)
			default:
				r.misfit("body-fld-dsp", e, b)
			}
		}
	default:
		r.misfit("body-fld-dsp", v, b)
	}
}

// language interprets body-fld-lang: nstring / "(" string *(SP string) ")".
func (r bodyReader) language(b *BodyStructure, v Value) []string {
	if v.Kind != KindList {
		if s := r.nstring("body-fld-lang", v, b); s != "" || v.Kind != KindNil {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, e := range v.List {
		out = append(out, r.nstring("body-fld-lang", e, b))
	}
	return out
}

// params interprets body-fld-param: "(" string SP string *(SP string SP
// string) ")" / nil. A NIL value (mail.ru, vmime #159, MailKit #124) is
// kept as ""; a name without a value is kept with "".
func (r bodyReader) params(field string, v Value, b *BodyStructure) []Param {
	if v.Kind == KindNil {
		return nil
	}
	if v.Kind != KindList {
		r.misfit(field, v, b)
		return nil
	}
	out := make([]Param, 0, (len(v.List)+1)/2)
	for i := 0; i < len(v.List); i += 2 {
		p := Param{Name: strings.ToLower(r.nstring(field, v.List[i], b))}
		if i+1 < len(v.List) {
			p.Value = r.nstring(field, v.List[i+1], b)
		}
		out = append(out, p)
	}
	return out
}
