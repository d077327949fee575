package render

import "imapsh/client"

// AppendResponseJSON appends the --json object of one untagged response:
// {"kind":"FETCH","seq":1,...}, "kind" first, then the fields of the
// client's type in their order, named by their lower-cased Go names, zero
// values left out except where README's "JSON output" says the zero is
// data. The object is written straight into dst: no reflection, no
// intermediate values.
func AppendResponseJSON(dst []byte, r client.Response) []byte {
	w := jsonWriter{b: dst}
	w.response(r)
	return w.b
}

// response writes one response object.
func (w *jsonWriter) response(r client.Response) {
	w.open('{')
	w.key("kind")
	w.str(r.Kind())
	if !w.commonFields(r) {
		w.otherFields(r)
	}
	w.close('}')
}

// commonFields writes the fields of the responses a mailbox sends most
// (FETCH first); it reports false for another type.
func (w *jsonWriter) commonFields(r client.Response) bool {
	switch r := r.(type) {
	case *client.FetchData:
		w.fetchFields(r) // json_fetch.go
	case *client.StatusResponse:
		w.strField("tag", r.Tag)
		w.strField("status", r.Status)
		w.codeField(r.Code)
		w.strField("text", r.Text)
	case *client.NumberData:
		w.strField("name", r.Name)
		w.key("n")
		w.uint(uint64(r.N))
	case *client.FlagsData:
		w.strsField("flags", r.Flags)
	case *client.SearchData:
		w.strField("command", r.Command)
		w.numsField("nums", r.Nums)
		w.uintField("modseq", r.ModSeq)
	case *client.ListData:
		w.listFields(r)
	case *client.StatusData:
		w.statusFields(r)
	case *client.CapabilityData:
		w.strsField("caps", r.Caps)
	case *client.EnabledData:
		w.strsField("caps", r.Caps)
	case *client.VanishedData:
		w.boolField("earlier", r.Earlier)
		w.numSetField("uids", r.UIDs)
	case *client.ContinuationData:
		w.strField("text", r.Text)
	case *client.MalformedData:
		w.key("error")
		w.str(r.Err.Error())
		w.boolField("kept", r.Kept)
	default:
		return false
	}
	return true
}

// otherFields writes the fields of the remaining response types.
func (w *jsonWriter) otherFields(r client.Response) {
	switch r := r.(type) {
	case *client.ESearchData:
		w.esearchFields(r)
	case *client.ThreadData:
		w.threadsField("threads", r.Threads)
	case *client.NamespaceData:
		w.namespacesField("personal", r.Personal)
		w.namespacesField("other", r.Other)
		w.namespacesField("shared", r.Shared)
	case *client.QuotaData:
		w.quotaFields(r)
	case *client.QuotaRootData:
		w.strField("mailbox", r.Mailbox)
		w.strsField("roots", r.Roots)
	case *client.ACLData:
		w.aclFields(r)
	case *client.ListRightsData:
		w.strField("mailbox", r.Mailbox)
		w.strField("identifier", r.Identifier)
		w.key("required")
		w.str(r.Required)
		w.strsField("optional", r.Optional)
	case *client.MyRightsData:
		w.strField("mailbox", r.Mailbox)
		w.key("rights")
		w.str(r.Rights)
	case *client.MetadataData:
		w.strField("mailbox", r.Mailbox)
		w.entriesField("entries", r.Entries)
	case *client.AnnotationData:
		w.strField("mailbox", r.Mailbox)
		w.strField("entry", r.Entry)
		w.entriesField("attributes", r.Attributes)
	case *client.IDData:
		w.entriesField("params", r.Params)
	case *client.GenericData:
		w.numPtrField("num", r.Num)
		w.strField("name", r.Name)
		w.valuesField("fields", r.Fields)
	}
}

// codeField writes a response code: {"name":…,"args":[…],"raw":…}.
func (w *jsonWriter) codeField(c *client.Code) {
	if c == nil {
		return
	}
	w.key("code")
	w.open('{')
	w.strField("name", c.Name)
	w.valuesField("args", c.Args)
	w.strField("raw", c.Raw)
	w.close('}')
}

// numsField writes message numbers unless the list is nil.
func (w *jsonWriter) numsField(name string, nums []uint32) {
	if nums == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, n := range nums {
		w.uint(uint64(n))
	}
	w.close(']')
}
