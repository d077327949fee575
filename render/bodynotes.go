package render

import (
	"strings"

	"imapsh/client"
)

// partNotes gives the lines of detail shown under a body part, so that
// no field of the BODYSTRUCTURE is left out: parameters beyond the charset
// and the file name, the content id, description and MD5, the
// disposition's other parameters, language, location and extension data
// (RFC 9051 body-fields, body-ext-1part, body-ext-mpart), then the
// envelope of an attached message (message/rfc822) but its subject,
// which the label shows.
func partNotes(th *Theme, b *client.BodyStructure) []string {
	var items []string
	add := func(name, value string) {
		if value != "" {
			items = append(items, name+" "+value)
		}
	}
	add("params", otherParams(b.Params, "charset", "name"))
	add("id", Safe(b.ID))
	if b.Description != "" {
		add("description", quote(b.Description))
	}
	add("md5", Safe(b.MD5))
	add("disposition", otherParams(b.DispParams, "filename"))
	add("language", Safe(strings.Join(b.Language, ",")))
	add("location", Safe(b.Location))
	if len(b.Ext) > 0 {
		add("ext", inlineList(b.Ext))
	}
	var notes []string
	if len(items) > 0 {
		notes = append(notes, paint(th.Dim, strings.Join(items, " · ")))
	}
	if b.Envelope != nil {
		notes = append(notes, envelopeHeaders(th, b.Envelope, true)...)
	}
	return notes
}

// otherParams shows the parameters not named in shown as name=value,
// values quoted when MIME would quote them: a blank or one of RFC 2045's
// tspecials in them (a boundary often starts with "=").
func otherParams(ps []client.Param, shown ...string) string {
	var out []string
	for _, p := range ps {
		if isShown(p.Name, shown) {
			continue
		}
		v := p.Value
		if v == "" || strings.ContainsAny(v, " \t()<>@,;:\\\"/[]?=") {
			v = quote(v)
		} else {
			v = Safe(v)
		}
		out = append(out, Safe(strings.ToLower(p.Name))+"="+v)
	}
	return strings.Join(out, "; ")
}

// isShown reports whether a parameter name (or its RFC 2231 form, name*
// and name*0*...) is one of shown.
func isShown(name string, shown []string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), "*")
	for _, s := range shown {
		if base == s {
			return true
		}
	}
	return false
}
