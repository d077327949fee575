package render

import "imapsh/client"

// addDecoded puts beside each body section of a FETCH object that the
// terminal would show decoded (DecodedSection: MIME words, a text
// part's quoted-printable or base64 and charset) the decoded text and how
// it was decoded, "decoded" and "decoded_how"; "data" stays as sent
// (issue 11, "decoding for reading").
func addDecoded(obj object, f *client.FetchData) object {
	for i, fl := range obj {
		list, ok := fl.val.([]any)
		if fl.key != "sections" || !ok || len(list) != len(f.Sections) {
			continue
		}
		for j, sec := range f.Sections {
			data, how := DecodedSection(sec, f.BodyStructure)
			if o, isObj := list[j].(object); isObj && how != "" {
				list[j] = append(o, field{"decoded", bytesJSON(data)}, field{"decoded_how", how})
			}
		}
		obj[i].val = list
	}
	return obj
}
