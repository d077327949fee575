package render

import "imapsh/client"

// The --json fields of the mailbox and server responses (LIST, STATUS,
// ESEARCH, THREAD, NAMESPACE, QUOTA, ACL, METADATA): see AppendResponseJSON.

// listFields: LIST's mailbox and raw are written even when "" (LIST "" "").
func (w *jsonWriter) listFields(r *client.ListData) {
	w.strField("command", r.Command)
	w.strsField("attrs", r.Attrs)
	w.strField("delim", r.Delim)
	w.key("mailbox")
	w.str(r.Mailbox)
	w.key("raw")
	w.str(r.Raw)
	w.valuesField("extended", r.Extended)
}

// statusFields: an item's value is written when it is a number, even 0;
// a value that is not a number (APPENDLIMIT NIL) is "data" instead.
func (w *jsonWriter) statusFields(r *client.StatusData) {
	w.strField("mailbox", r.Mailbox)
	if r.Items == nil {
		return
	}
	w.key("items")
	w.open('[')
	for _, it := range r.Items {
		w.open('{')
		w.strField("name", it.Name)
		if it.Value != 0 || it.Data == nil {
			w.key("value")
			w.uint(it.Value)
		}
		if it.Data != nil {
			w.key("data")
			w.str(it.Data.String())
		}
		w.close('}')
	}
	w.close(']')
}

func (w *jsonWriter) esearchFields(r *client.ESearchData) {
	w.strField("tag", r.Tag)
	w.strField("mailbox", r.Mailbox)
	w.uintField("uidvalidity", uint64(r.UIDValidity))
	w.boolField("uid", r.UID)
	w.numPtrField("min", r.Min)
	w.numPtrField("max", r.Max)
	w.numPtrField("count", r.Count)
	w.numSetField("all", r.All)
	w.uintField("modseq", r.ModSeq)
	w.valuesField("other", r.Other)
}

// threadsField writes THREAD trees of {num, children}; num is left out
// for the dummy parent of siblings (0).
func (w *jsonWriter) threadsField(name string, nodes []*client.ThreadNode) {
	if nodes == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, n := range nodes {
		if n == nil {
			w.null()
			continue
		}
		w.open('{')
		w.uintField("num", uint64(n.Num))
		w.threadsField("children", n.Children)
		w.close('}')
	}
	w.close(']')
}

// namespacesField: a namespace's prefix is written even when "".
func (w *jsonWriter) namespacesField(name string, ns []client.NamespaceDescr) {
	if ns == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, d := range ns {
		w.open('{')
		w.key("prefix")
		w.str(d.Prefix)
		w.strField("delim", d.Delim)
		w.valuesField("ext", d.Ext)
		w.close('}')
	}
	w.close(']')
}

// quotaFields: the root, a usage and a limit are written even when "" or 0.
func (w *jsonWriter) quotaFields(r *client.QuotaData) {
	w.key("root")
	w.str(r.Root)
	if r.Resources == nil {
		return
	}
	w.key("resources")
	w.open('[')
	for _, res := range r.Resources {
		w.open('{')
		w.strField("name", res.Name)
		w.key("usage")
		w.uint(res.Usage)
		w.key("limit")
		w.uint(res.Limit)
		w.close('}')
	}
	w.close(']')
}

// aclFields: an identifier's rights are written even when "".
func (w *jsonWriter) aclFields(r *client.ACLData) {
	w.strField("mailbox", r.Mailbox)
	if r.Entries == nil {
		return
	}
	w.key("entries")
	w.open('[')
	for _, e := range r.Entries {
		w.open('{')
		w.strField("identifier", e.Identifier)
		w.key("rights")
		w.str(e.Rights)
		w.close('}')
	}
	w.close(']')
}

// entriesField writes METADATA entries, ANNOTATION attributes and ID
// parameters: {name, value}, value left out for NIL.
func (w *jsonWriter) entriesField(name string, es []client.MetadataEntry) {
	if es == nil {
		return
	}
	w.key(name)
	w.open('[')
	for _, e := range es {
		w.open('{')
		w.strField("name", e.Name)
		if e.Value != nil {
			w.key("value")
			w.str(*e.Value)
		}
		w.close('}')
	}
	w.close(']')
}
