package render

import (
	"strings"

	"imapsh/client"
)

// The --json fields of a FETCH response (RFC 9051 section 7.5.2): see
// AppendResponseJSON and README's "JSON output".

// jsonFetchFields writes flags when FLAGS came (maybe []) and size when
// RFC822.SIZE came (maybe 0); HasFlags and HasSize are not shown.
func jsonFetchFields(dst []byte, f *client.FetchData) []byte {
	dst = jsonFetchHead(dst, f)
	dst = jsonSectionsField(dst, f) // json_sections.go
	return jsonFetchTail(dst, f)
}

// jsonFetchHead writes the fields before the sections.
func jsonFetchHead(dst []byte, f *client.FetchData) []byte {
	dst = jsonUintField(dst, "seq", uint64(f.Seq))
	dst = jsonUintField(dst, "uid", uint64(f.UID))
	if f.Flags != nil || f.HasFlags {
		dst = jsonStrs(jsonKey(dst, "flags"), f.Flags)
	}
	if !f.InternalDate.IsZero() {
		dst = jsonTime(jsonKey(dst, "internaldate"), f.InternalDate)
	}
	dst = jsonStrField(dst, "rawdate", f.RawDate)
	if f.Size != 0 || f.HasSize {
		dst = jsonUint(jsonKey(dst, "size"), f.Size)
	}
	if f.Envelope != nil {
		dst = jsonEnvelope(jsonKey(dst, "envelope"), f.Envelope)
	}
	if f.BodyStructure != nil {
		dst = jsonBodyStructure(jsonKey(dst, "bodystructure"), f.BodyStructure)
	}
	return dst
}

// jsonFetchTail writes the fields after the sections.
func jsonFetchTail(dst []byte, f *client.FetchData) []byte {
	dst = jsonUintField(dst, "modseq", f.ModSeq)
	return jsonNamedValuesField(dst, "other", f.Other)
}

// jsonEnvelope writes an ENVELOPE; its texts are as sent (RFC 2047 words
// undecoded).
func jsonEnvelope(dst []byte, e *client.Envelope) []byte {
	dst = jsonOpen(dst, '{')
	dst = jsonStrField(dst, "date", e.Date)
	dst = jsonStrField(dst, "subject", e.Subject)
	dst = jsonAddressesField(dst, "from", e.From)
	dst = jsonAddressesField(dst, "sender", e.Sender)
	dst = jsonAddressesField(dst, "replyto", e.ReplyTo)
	dst = jsonAddressesField(dst, "to", e.To)
	dst = jsonAddressesField(dst, "cc", e.Cc)
	dst = jsonAddressesField(dst, "bcc", e.Bcc)
	dst = jsonStrField(dst, "inreplyto", e.InReplyTo)
	dst = jsonStrField(dst, "messageid", e.MessageID)
	return jsonClose(dst, '}')
}

func jsonAddressesField(dst []byte, name string, as []client.Address) []byte {
	return jsonObjectsField(dst, name, as, jsonAddress)
}

func jsonAddress(dst []byte, a client.Address) []byte {
	dst = jsonStrField(dst, "name", a.Name)
	dst = jsonStrField(dst, "adl", a.ADL)
	dst = jsonStrField(dst, "mailbox", a.Mailbox)
	return jsonStrField(dst, "host", a.Host)
}

// jsonBodyStructure writes a BODYSTRUCTURE tree. A single part's size, and
// the lines of a text or message/rfc822 part, are written even when 0.
func jsonBodyStructure(dst []byte, b *client.BodyStructure) []byte {
	single := len(b.Parts) == 0 && !strings.EqualFold(b.Type, "multipart")
	dst = jsonOpen(dst, '{')
	dst = jsonStrField(dst, "type", b.Type)
	dst = jsonStrField(dst, "subtype", b.Subtype)
	dst = jsonParamsField(dst, "params", b.Params)
	dst = jsonStrField(dst, "id", b.ID)
	dst = jsonStrField(dst, "description", b.Description)
	dst = jsonStrField(dst, "encoding", b.Encoding)
	if b.Size != 0 || single {
		dst = jsonKey(dst, "size")
		dst = jsonUint(dst, b.Size)
	}
	if b.Lines != 0 || single && (strings.EqualFold(b.Type, "text") || b.Body != nil) {
		dst = jsonKey(dst, "lines")
		dst = jsonUint(dst, b.Lines)
	}
	dst = jsonStrField(dst, "md5", b.MD5)
	dst = jsonStrField(dst, "disposition", b.Disposition)
	dst = jsonParamsField(dst, "dispparams", b.DispParams)
	dst = jsonStrsField(dst, "language", b.Language)
	dst = jsonStrField(dst, "location", b.Location)
	dst = jsonPartsField(dst, b.Parts)
	if b.Envelope != nil {
		dst = jsonKey(dst, "envelope")
		dst = jsonEnvelope(dst, b.Envelope)
	}
	if b.Body != nil {
		dst = jsonKey(dst, "body")
		dst = jsonBodyStructure(dst, b.Body)
	}
	dst = jsonValuesField(dst, "ext", b.Ext)
	return jsonClose(dst, '}')
}

func jsonPartsField(dst []byte, parts []*client.BodyStructure) []byte {
	if parts == nil {
		return dst
	}
	dst = jsonKey(dst, "parts")
	dst = jsonOpen(dst, '[')
	for _, p := range parts {
		if p == nil {
			dst = jsonNull(dst)
			continue
		}
		dst = jsonBodyStructure(dst, p)
	}
	return jsonClose(dst, ']')
}

// jsonParamsField writes body parameters; a value is written even when "".
func jsonParamsField(dst []byte, name string, ps []client.Param) []byte {
	return jsonObjectsField(dst, name, ps, func(dst []byte, p client.Param) []byte {
		dst = jsonStrField(dst, "name", p.Name)
		return jsonStr(jsonKey(dst, "value"), p.Value)
	})
}

// jsonNamedValuesField writes the FETCH items the client does not model.
func jsonNamedValuesField(dst []byte, name string, nvs []client.NamedValue) []byte {
	return jsonObjectsField(dst, name, nvs, func(dst []byte, nv client.NamedValue) []byte {
		dst = jsonStrField(dst, "name", nv.Name)
		return jsonValueField(dst, "value", nv.Value)
	})
}
