package render

import (
	"strings"

	"imapsh/client"
)

// The --json fields of a FETCH response (RFC 9051 section 7.5.2): see
// AppendResponseJSON and README's "JSON output".

// fetchFields writes flags when FLAGS came (maybe []) and size when
// RFC822.SIZE came (maybe 0); HasFlags and HasSize are not shown.
func (w *jsonWriter) fetchFields(f *client.FetchData) {
	w.uintField("seq", uint64(f.Seq))
	w.uintField("uid", uint64(f.UID))
	if f.Flags != nil || f.HasFlags {
		w.key("flags")
		w.strs(f.Flags)
	}
	if !f.InternalDate.IsZero() {
		w.key("internaldate")
		w.time(f.InternalDate)
	}
	w.strField("rawdate", f.RawDate)
	if f.Size != 0 || f.HasSize {
		w.key("size")
		w.uint(f.Size)
	}
	if f.Envelope != nil {
		w.key("envelope")
		w.envelope(f.Envelope)
	}
	if f.BodyStructure != nil {
		w.key("bodystructure")
		w.bodyStructure(f.BodyStructure)
	}
	w.sectionsField(f)
	w.uintField("modseq", f.ModSeq)
	w.namedValuesField("other", f.Other)
}

// envelope writes an ENVELOPE; its texts are as sent (RFC 2047 words
// undecoded).
func (w *jsonWriter) envelope(e *client.Envelope) {
	w.open('{')
	w.strField("date", e.Date)
	w.strField("subject", e.Subject)
	w.addressesField("from", e.From)
	w.addressesField("sender", e.Sender)
	w.addressesField("replyto", e.ReplyTo)
	w.addressesField("to", e.To)
	w.addressesField("cc", e.Cc)
	w.addressesField("bcc", e.Bcc)
	w.strField("inreplyto", e.InReplyTo)
	w.strField("messageid", e.MessageID)
	w.close('}')
}

func (w *jsonWriter) addressesField(name string, as []client.Address) {
	if as == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, a := range as {
		w.open('{')
		w.strField("name", a.Name)
		w.strField("adl", a.ADL)
		w.strField("mailbox", a.Mailbox)
		w.strField("host", a.Host)
		w.close('}')
	}
	w.close(']')
}

// bodyStructure writes a BODYSTRUCTURE tree. A single part's size, and
// the lines of a text or message/rfc822 part, are written even when 0.
func (w *jsonWriter) bodyStructure(b *client.BodyStructure) {
	single := len(b.Parts) == 0 && !strings.EqualFold(b.Type, "multipart")
	w.open('{')
	w.strField("type", b.Type)
	w.strField("subtype", b.Subtype)
	w.paramsField("params", b.Params)
	w.strField("id", b.ID)
	w.strField("description", b.Description)
	w.strField("encoding", b.Encoding)
	if b.Size != 0 || single {
		w.key("size")
		w.uint(b.Size)
	}
	if b.Lines != 0 || single && (strings.EqualFold(b.Type, "text") || b.Body != nil) {
		w.key("lines")
		w.uint(b.Lines)
	}
	w.strField("md5", b.MD5)
	w.strField("disposition", b.Disposition)
	w.paramsField("dispparams", b.DispParams)
	w.strsField("language", b.Language)
	w.strField("location", b.Location)
	w.partsField(b.Parts)
	if b.Envelope != nil {
		w.key("envelope")
		w.envelope(b.Envelope)
	}
	if b.Body != nil {
		w.key("body")
		w.bodyStructure(b.Body)
	}
	w.valuesField("ext", b.Ext)
	w.close('}')
}

func (w *jsonWriter) partsField(parts []*client.BodyStructure) {
	if parts == nil {
		return
	}
	w.key("parts")
	w.open('[')
	for _, p := range parts {
		if p == nil {
			w.null()
			continue
		}
		w.bodyStructure(p)
	}
	w.close(']')
}

// paramsField writes body parameters; a value is written even when "".
func (w *jsonWriter) paramsField(name string, ps []client.Param) {
	if ps == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, p := range ps {
		w.open('{')
		w.strField("name", p.Name)
		w.key("value")
		w.str(p.Value)
		w.close('}')
	}
	w.close(']')
}

// namedValuesField writes the FETCH items the client does not model.
func (w *jsonWriter) namedValuesField(name string, nvs []client.NamedValue) {
	if nvs == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, nv := range nvs {
		w.open('{')
		w.strField("name", nv.Name)
		w.valueField("value", nv.Value)
		w.close('}')
	}
	w.close(']')
}
