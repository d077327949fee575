package render

import "imapsh/client"

// AppendResponseJSON appends the --json object of one untagged response:
// {"kind":"FETCH","seq":1,...}, "kind" first, then the fields of the
// client's type in their order, named by their lower-cased Go names, zero
// values left out except where README's "JSON output" says the zero is
// data. The object is written straight into dst: no reflection, no
// intermediate values.
func AppendResponseJSON(dst []byte, r client.Response) []byte {
	dst = append(dst, `{"kind":`...) // whatever dst ends with: no comma
	dst = appendJSONString(dst, r.Kind())
	dst, known := jsonCommonFields(dst, r)
	if !known {
		dst = jsonOtherFields(dst, r)
	}
	return append(dst, '}')
}

// jsonCommonFields writes the fields of the responses a mailbox sends most
// (FETCH first); it reports false for another type.
func jsonCommonFields(dst []byte, r client.Response) ([]byte, bool) {
	switch r := r.(type) {
	case *client.FetchData:
		dst = jsonFetchFields(dst, r) // json_fetch.go
	case *client.StatusResponse:
		dst = jsonStrField(dst, "tag", r.Tag)
		dst = jsonStrField(dst, "status", r.Status)
		dst = jsonCodeField(dst, r.Code)
		dst = jsonStrField(dst, "text", r.Text)
	case *client.NumberData:
		dst = jsonStrField(dst, "name", r.Name)
		dst = jsonKey(dst, "n")
		dst = jsonUint(dst, uint64(r.N))
	case *client.FlagsData:
		dst = jsonStrsField(dst, "flags", r.Flags)
	case *client.SearchData:
		dst = jsonStrField(dst, "command", r.Command)
		dst = jsonNumsField(dst, "nums", r.Nums)
		dst = jsonUintField(dst, "modseq", r.ModSeq)
	case *client.ListData:
		dst = jsonListFields(dst, r)
	case *client.StatusData:
		dst = jsonStatusFields(dst, r)
	case *client.CapabilityData:
		dst = jsonStrsField(dst, "caps", r.Caps)
	case *client.EnabledData:
		dst = jsonStrsField(dst, "caps", r.Caps)
	case *client.VanishedData:
		dst = jsonBoolField(dst, "earlier", r.Earlier)
		dst = jsonNumSetField(dst, "uids", r.UIDs)
	case *client.ContinuationData:
		dst = jsonStrField(dst, "text", r.Text)
	case *client.MalformedData:
		dst = jsonKey(dst, "error")
		dst = jsonStr(dst, r.Err.Error())
		dst = jsonBoolField(dst, "kept", r.Kept)
	default:
		return dst, false
	}
	return dst, true
}

// jsonOtherFields writes the fields of the remaining response types.
func jsonOtherFields(dst []byte, r client.Response) []byte {
	switch r := r.(type) {
	case *client.ESearchData:
		dst = jsonEsearchFields(dst, r)
	case *client.ThreadData:
		dst = jsonThreadsField(dst, "threads", r.Threads)
	case *client.NamespaceData:
		dst = jsonNamespacesField(dst, "personal", r.Personal)
		dst = jsonNamespacesField(dst, "other", r.Other)
		dst = jsonNamespacesField(dst, "shared", r.Shared)
	case *client.QuotaData:
		dst = jsonQuotaFields(dst, r)
	case *client.QuotaRootData:
		dst = jsonStrField(dst, "mailbox", r.Mailbox)
		dst = jsonStrsField(dst, "roots", r.Roots)
	case *client.ACLData:
		dst = jsonAclFields(dst, r)
	case *client.ListRightsData:
		dst = jsonStrField(dst, "mailbox", r.Mailbox)
		dst = jsonStrField(dst, "identifier", r.Identifier)
		dst = jsonKey(dst, "required")
		dst = jsonStr(dst, r.Required)
		dst = jsonStrsField(dst, "optional", r.Optional)
	case *client.MyRightsData:
		dst = jsonStrField(dst, "mailbox", r.Mailbox)
		dst = jsonKey(dst, "rights")
		dst = jsonStr(dst, r.Rights)
	case *client.MetadataData:
		dst = jsonStrField(dst, "mailbox", r.Mailbox)
		dst = jsonEntriesField(dst, "entries", r.Entries)
	case *client.AnnotationData:
		dst = jsonStrField(dst, "mailbox", r.Mailbox)
		dst = jsonStrField(dst, "entry", r.Entry)
		dst = jsonEntriesField(dst, "attributes", r.Attributes)
	case *client.IDData:
		dst = jsonEntriesField(dst, "params", r.Params)
	case *client.GenericData:
		dst = jsonNumPtrField(dst, "num", r.Num)
		dst = jsonStrField(dst, "name", r.Name)
		dst = jsonValuesField(dst, "fields", r.Fields)
	}
	return dst
}

// jsonCodeField writes a response code: {"name":…,"args":[…],"raw":…}.
func jsonCodeField(dst []byte, c *client.Code) []byte {
	if c == nil {
		return dst
	}
	dst = jsonKey(dst, "code")
	dst = jsonOpen(dst, '{')
	dst = jsonStrField(dst, "name", c.Name)
	dst = jsonValuesField(dst, "args", c.Args)
	dst = jsonStrField(dst, "raw", c.Raw)
	return jsonClose(dst, '}')
}

// jsonNumsField writes message numbers unless the list is nil.
func jsonNumsField(dst []byte, name string, nums []uint32) []byte {
	if nums == nil {
		return dst
	}
	dst = jsonKey(dst, name)
	dst = jsonOpen(dst, '[')
	for _, n := range nums {
		dst = jsonUint(dst, uint64(n))
	}
	return jsonClose(dst, ']')
}
