package render

import "imapsh/client"

// jsonSectionsField writes the body sections of a FETCH response. Beside
// each section that the terminal would show decoded (DecodedSection:
// MIME words, a text part's quoted-printable or base64 and charset) come
// the decoded text and how it was decoded, "decoded" and "decoded_how";
// "data" stays as sent (issue 11, "decoding for reading").
func jsonSectionsField(dst []byte, f *client.FetchData) []byte {
	if f.Sections == nil {
		return dst
	}
	dst = jsonKey(dst, "sections")
	dst = jsonOpen(dst, '[')
	for _, sec := range f.Sections {
		dst = jsonSection(dst, sec, f.BodyStructure)
	}
	return jsonClose(dst, ']')
}

// jsonSection writes one BODY[section]<origin> or BINARY[section] item.
func jsonSection(dst []byte, sec client.BodySection, bs *client.BodyStructure) []byte {
	dst = jsonSectionNames(jsonOpen(dst, '{'), sec)
	if sec.Data != nil {
		dst = jsonBytes(jsonKey(dst, "data"), sec.Data)
	}
	dst = jsonBoolField(dst, "nil", sec.Nil)
	if sec.Streamed != 0 {
		dst = jsonInt(jsonKey(dst, "streamed"), sec.Streamed)
	}
	dst = jsonBoolField(dst, "dropped", sec.Dropped)
	if data, how := DecodedSection(sec, bs); how != "" {
		dst = jsonBytes(jsonKey(dst, "decoded"), data)
		dst = jsonStr(jsonKey(dst, "decoded_how"), how)
	}
	return jsonClose(dst, '}')
}

// jsonSectionNames writes the members that name a section.
func jsonSectionNames(dst []byte, sec client.BodySection) []byte {
	dst = jsonStrField(dst, "name", sec.Name)
	dst = jsonStrField(dst, "section", sec.Section)
	return jsonNumPtrField(dst, "origin", sec.Origin)
}
