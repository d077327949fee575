package render

import "imapsh/client"

// sectionsField writes the body sections of a FETCH response. Beside
// each section that the terminal would show decoded (DecodedSection:
// MIME words, a text part's quoted-printable or base64 and charset) come
// the decoded text and how it was decoded, "decoded" and "decoded_how";
// "data" stays as sent (issue 11, "decoding for reading").
func (w *jsonWriter) sectionsField(f *client.FetchData) {
	if f.Sections == nil {
		return
	}
	w.key("sections")
	w.open('[')
	for _, sec := range f.Sections {
		w.section(sec, f.BodyStructure)
	}
	w.close(']')
}

// section writes one BODY[section]<origin> or BINARY[section] item.
func (w *jsonWriter) section(sec client.BodySection, bs *client.BodyStructure) {
	w.open('{')
	w.strField("name", sec.Name)
	w.strField("section", sec.Section)
	w.numPtrField("origin", sec.Origin)
	if sec.Data != nil {
		w.key("data")
		w.bytes(sec.Data)
	}
	w.boolField("nil", sec.Nil)
	if sec.Streamed != 0 {
		w.key("streamed")
		w.int(sec.Streamed)
	}
	w.boolField("dropped", sec.Dropped)
	if data, how := DecodedSection(sec, bs); how != "" {
		w.key("decoded")
		w.bytes(data)
		w.key("decoded_how")
		w.str(how)
	}
	w.close('}')
}
