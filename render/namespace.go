package render

import "imapsh/client"

// namespaces renders a NAMESPACE response (RFC 2342) as a table of the
// personal, other users' and shared namespaces.
func namespaces(p *printer, d *client.NamespaceData) {
	t := newTable(column{title: "NAMESPACE"}, column{title: "PREFIX", flex: true},
		column{title: "DELIM"}, column{title: "EXTENSIONS", optional: true, flex: true})
	for _, kind := range []struct {
		name  string
		descr []client.NamespaceDescr
	}{{"personal", d.Personal}, {"other", d.Other}, {"shared", d.Shared}} {
		if len(kind.descr) == 0 {
			t.add(txt(kind.name), cell{text: "(none)", paint: p.th.Dim})
		}
		for _, ns := range kind.descr {
			delim := ns.Delim
			if delim == "" {
				delim = "NIL"
			}
			t.add(txt(kind.name), cell{text: orQuotedEmpty(ns.Prefix), paint: p.th.Mailbox},
				cell{text: delim, paint: p.th.Dim}, txt(inlineList(ns.Ext)))
		}
	}
	t.render(p, "")
}
