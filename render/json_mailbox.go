package render

import "imapsh/client"

// The --json fields of the mailbox and server responses (LIST, STATUS,
// ESEARCH, THREAD, NAMESPACE, QUOTA, ACL, METADATA): see AppendResponseJSON.

// jsonListFields: LIST's mailbox and raw are written even when "" (LIST "" "").
func jsonListFields(dst []byte, r *client.ListData) []byte {
	dst = jsonStrField(dst, "command", r.Command)
	dst = jsonStrsField(dst, "attrs", r.Attrs)
	dst = jsonStrField(dst, "delim", r.Delim)
	dst = jsonKey(dst, "mailbox")
	dst = jsonStr(dst, r.Mailbox)
	dst = jsonKey(dst, "raw")
	dst = jsonStr(dst, r.Raw)
	return jsonValuesField(dst, "extended", r.Extended)
}

// jsonStatusFields: an item's value is written when it is a number, even 0;
// a value that is not a number (APPENDLIMIT NIL) is "data" instead.
func jsonStatusFields(dst []byte, r *client.StatusData) []byte {
	dst = jsonStrField(dst, "mailbox", r.Mailbox)
	return jsonObjectsField(dst, "items", r.Items, func(dst []byte, it client.StatusItem) []byte {
		dst = jsonStrField(dst, "name", it.Name)
		if it.Value != 0 || it.Data == nil {
			dst = jsonUint(jsonKey(dst, "value"), it.Value)
		}
		if it.Data != nil {
			dst = jsonStr(jsonKey(dst, "data"), it.Data.String())
		}
		return dst
	})
}

func jsonEsearchFields(dst []byte, r *client.ESearchData) []byte {
	dst = jsonStrField(dst, "tag", r.Tag)
	dst = jsonStrField(dst, "mailbox", r.Mailbox)
	dst = jsonUintField(dst, "uidvalidity", uint64(r.UIDValidity))
	dst = jsonBoolField(dst, "uid", r.UID)
	dst = jsonNumPtrField(dst, "min", r.Min)
	dst = jsonNumPtrField(dst, "max", r.Max)
	dst = jsonNumPtrField(dst, "count", r.Count)
	dst = jsonNumSetField(dst, "all", r.All)
	dst = jsonUintField(dst, "modseq", r.ModSeq)
	if p := r.Partial; p != nil { // RFC 9394: {range, set}, set absent for NIL
		dst = jsonOpen(jsonKey(dst, "partial"), '{')
		dst = jsonStrField(dst, "range", p.Range)
		dst = jsonClose(jsonNumSetField(dst, "set", p.Set), '}')
	}
	return jsonValuesField(dst, "other", r.Other)
}

// jsonThreadsField writes THREAD trees of {num, children}; num is left out
// for the dummy parent of siblings (0).
func jsonThreadsField(dst []byte, name string, nodes []*client.ThreadNode) []byte {
	if nodes == nil {
		return dst
	}
	dst = jsonKey(dst, name)
	dst = jsonOpen(dst, '[')
	for _, n := range nodes {
		if n == nil {
			dst = jsonNull(dst)
			continue
		}
		dst = jsonOpen(dst, '{')
		dst = jsonUintField(dst, "num", uint64(n.Num))
		dst = jsonThreadsField(dst, "children", n.Children)
		dst = jsonClose(dst, '}')
	}
	return jsonClose(dst, ']')
}

// jsonNamespacesField: a namespace's prefix is written even when "".
func jsonNamespacesField(dst []byte, name string, ns []client.NamespaceDescr) []byte {
	return jsonObjectsField(dst, name, ns, func(dst []byte, d client.NamespaceDescr) []byte {
		dst = jsonStr(jsonKey(dst, "prefix"), d.Prefix)
		dst = jsonStrField(dst, "delim", d.Delim)
		return jsonValuesField(dst, "ext", d.Ext)
	})
}

// jsonQuotaFields: the root, a usage and a limit are written even when "" or 0.
func jsonQuotaFields(dst []byte, r *client.QuotaData) []byte {
	dst = jsonKey(dst, "root")
	dst = jsonStr(dst, r.Root)
	return jsonObjectsField(dst, "resources", r.Resources, func(dst []byte, res client.QuotaResource) []byte {
		dst = jsonStrField(dst, "name", res.Name)
		dst = jsonUint(jsonKey(dst, "usage"), res.Usage)
		return jsonUint(jsonKey(dst, "limit"), res.Limit)
	})
}

// jsonAclFields: an identifier's rights are written even when "".
func jsonAclFields(dst []byte, r *client.ACLData) []byte {
	dst = jsonStrField(dst, "mailbox", r.Mailbox)
	return jsonObjectsField(dst, "entries", r.Entries, func(dst []byte, e client.ACLEntry) []byte {
		dst = jsonStrField(dst, "identifier", e.Identifier)
		return jsonStr(jsonKey(dst, "rights"), e.Rights)
	})
}

// jsonEntriesField writes METADATA entries, ANNOTATION attributes and ID
// parameters: {name, value}, value left out for NIL.
func jsonEntriesField(dst []byte, name string, es []client.MetadataEntry) []byte {
	return jsonObjectsField(dst, name, es, func(dst []byte, e client.MetadataEntry) []byte {
		dst = jsonStrField(dst, "name", e.Name)
		if e.Value != nil {
			dst = jsonStr(jsonKey(dst, "value"), *e.Value)
		}
		return dst
	})
}
