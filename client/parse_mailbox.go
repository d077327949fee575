package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// knownAttrs maps the upper-case form of the mailbox attributes of RFC 9051,
// RFC 5258 and RFC 6154 to their canonical spelling: servers send \noselect
// (UW), \drafts (Cyrus) and the like, and callers compare with the RFC form.
var knownAttrs = func() map[string]string {
	m := map[string]string{}
	for _, a := range []string{`\Noinferiors`, `\Noselect`, `\Marked`, `\Unmarked`,
		`\NonExistent`, `\Subscribed`, `\Remote`, `\HasChildren`, `\HasNoChildren`,
		`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`, `\Important`} {
		m[strings.ToUpper(a)] = a
	}
	return m
}()

// canonicalAttr gives a known attribute its RFC spelling; others stay as sent.
func canonicalAttr(a string) string {
	if c, ok := knownAttrs[strings.ToUpper(a)]; ok {
		return c
	}
	return a
}

// parseList reads LIST/LSUB/XLIST: (attrs) delim name [extended] (RFC 9051
// section 7.3.1, RFC 5258 section 3.4).
func parseList(p *parser, name string) Response {
	d := p.d
	l := &ListData{Command: name, Attrs: p.flagList()}
	for i, a := range l.Attrs {
		l.Attrs[i] = canonicalAttr(a)
	}
	d.ExpectSP()
	if !d.NIL() {
		l.Delim, _ = d.String()
	}
	d.ExpectSP()
	l.Mailbox, l.Raw = p.mailbox()
	for d.SP() && !d.AtEnd() {
		// mbox-list-extended (RFC 5258 section 3.4): "(" items ")". Data
		// in another shape is kept too, as sent.
		v, ok := d.Value()
		if !ok {
			break
		}
		if v.Kind == wire.KindList {
			l.Extended = append(l.Extended, v.List...)
		} else {
			l.Extended = append(l.Extended, v)
		}
	}
	return l
}

// parseStatus reads STATUS mailbox (name value ...) (RFC 9051 7.2.4).
func parseStatus(p *parser, _ string) Response {
	d := p.d
	s := &StatusData{}
	s.Mailbox, _ = p.mailbox()
	d.SP() // Gmail and others omit nothing; some servers double it
	d.List(func() bool {
		name, ok := d.ExpectAtom()
		if !ok || !d.ExpectSP() {
			return false
		}
		s.Items = append(s.Items, p.statusValue(name))
		return d.Err() == nil
	})
	return s
}

// statusValue reads the value of status-att-val: a number (number,
// nz-number, number64, mod-sequence-valzer), or for extensions such as
// APPENDLIMIT NIL (RFC 7889) and MAILBOXID (id) (RFC 8474) any value,
// kept as Data.
func (p *parser) statusValue(name string) StatusItem {
	d := p.d
	it := StatusItem{Name: name}
	if c := d.Peek(); c < '0' || c > '9' {
		v, _ := d.Value()
		it.Data = &v
		return it
	}
	m := d.Mark()
	n, ok := d.Number64()
	if !ok && d.Err() == nil { // out of range: flagged, and kept as sent
		it.Data = &Value{Kind: wire.KindAtom, Str: d.TextSince(m)}
	}
	it.Value = n
	return it
}

// parseNamespace reads NAMESPACE personal other shared (RFC 2342).
func parseNamespace(p *parser, _ string) Response {
	d := p.d
	ns := &NamespaceData{}
	for i, dst := range []*[]NamespaceDescr{&ns.Personal, &ns.Other, &ns.Shared} {
		if i > 0 {
			d.ExpectSP()
		}
		*dst = p.namespaceList()
	}
	return ns
}

// namespaceList reads "(" 1*namespace-descr ")" or NIL (RFC 2342, RFC 9051
// Namespace): the descriptors stand side by side with no space between
// them, as Courier-IMAP sends them: (("#shared." ".")("shared." ".")). A
// space between descriptors is tolerated too.
func (p *parser) namespaceList() []NamespaceDescr {
	d := p.d
	if d.NIL() {
		return nil
	}
	if !d.ExpectSpecial('(') || !d.Enter() {
		return nil
	}
	defer d.Leave()
	var list []NamespaceDescr
	for d.Err() == nil && !d.Special(')') {
		if len(list) > 0 {
			d.SP()
		}
		if !d.CountItem() {
			break
		}
		n, ok := p.namespaceDescr()
		list = append(list, n)
		if !ok {
			d.Expected("namespace descriptor")
		}
	}
	return list
}

// namespaceDescr reads one "(" prefix SP delimiter *(SP extension) ")".
func (p *parser) namespaceDescr() (NamespaceDescr, bool) {
	d := p.d
	var n NamespaceDescr
	ok := d.List(func() bool {
		switch {
		case n.Prefix == "" && n.Delim == "" && len(n.Ext) == 0 && !d.NIL():
			n.Prefix, _ = d.String()
			n.Prefix = p.mailboxName(n.Prefix)
			d.ExpectSP()
			if !d.NIL() {
				n.Delim, _ = d.String()
			}
		default:
			v, _ := d.Value()
			n.Ext = append(n.Ext, v)
		}
		return d.Err() == nil
	})
	return n, ok
}

// parseACL reads ACL mailbox (identifier rights)* (RFC 4314 section 3.6).
func parseACL(p *parser, _ string) Response {
	d := p.d
	a := &ACLData{}
	a.Mailbox, _ = p.mailbox()
	for d.SP() && !d.AtEnd() {
		id, _ := d.AString()
		d.ExpectSP()
		rights, ok := d.AString()
		if !ok {
			break
		}
		a.Entries = append(a.Entries, ACLEntry{Identifier: id, Rights: rights})
	}
	return a
}

// parseListRights reads LISTRIGHTS mailbox identifier required optional*.
func parseListRights(p *parser, _ string) Response {
	d := p.d
	l := &ListRightsData{}
	l.Mailbox, _ = p.mailbox()
	d.ExpectSP()
	l.Identifier, _ = d.AString()
	d.ExpectSP()
	l.Required, _ = d.AString()
	l.Optional = spacedAStrings(d)
	return l
}

// spacedAStrings reads the astrings that follow, each after a space, up
// to the end of the response (LISTRIGHTS' optional rights, QUOTAROOT's
// roots).
func spacedAStrings(d *wire.Decoder) []string {
	var out []string
	for d.SP() && !d.AtEnd() {
		s, ok := d.AString()
		if !ok {
			break
		}
		out = append(out, s)
	}
	return out
}

// parseMyRights reads MYRIGHTS mailbox rights.
func parseMyRights(p *parser, _ string) Response {
	m := &MyRightsData{}
	m.Mailbox, _ = p.mailbox()
	p.d.ExpectSP()
	m.Rights, _ = p.d.AString()
	return m
}

// parseQuota reads QUOTA root (resource usage limit ...) (RFC 9208). A
// root without a list (Courier-IMAP 5.0 for a user who has no quota:
// * QUOTA "ROOT") has no resources.
func parseQuota(p *parser, _ string) Response {
	d := p.d
	q := &QuotaData{}
	q.Root, _ = d.AString()
	if d.AtEnd() {
		return q
	}
	d.ExpectSP()
	d.List(func() bool {
		var r QuotaResource
		r.Name, _ = d.ExpectAtom()
		d.ExpectSP()
		r.Usage, _ = d.Number64()
		d.ExpectSP()
		var ok bool
		r.Limit, ok = d.Number64()
		q.Resources = append(q.Resources, r)
		return ok
	})
	return q
}

// parseQuotaRoot reads QUOTAROOT mailbox root* (RFC 9208).
func parseQuotaRoot(p *parser, _ string) Response {
	q := &QuotaRootData{}
	q.Mailbox, _ = p.mailbox()
	q.Roots = spacedAStrings(p.d)
	return q
}

// parseMetadata reads METADATA mailbox (entry value ...) or, unsolicited,
// METADATA mailbox entry entry... (RFC 5464 section 4.4).
func parseMetadata(p *parser, _ string) Response {
	d := p.d
	m := &MetadataData{}
	m.Mailbox, _ = p.mailbox()
	d.ExpectSP()
	if d.Peek() != '(' {
		for !d.AtEnd() && d.Err() == nil {
			name, _ := d.AString()
			m.Entries = append(m.Entries, MetadataEntry{Name: name})
			d.SP()
		}
		return m
	}
	m.Entries = p.pairs()
	return m
}

// pairs reads a list of name/nstring pairs: (a "x" b NIL).
func (p *parser) pairs() []MetadataEntry {
	d := p.d
	var out []MetadataEntry
	d.List(func() bool {
		name, ok := d.AString()
		d.ExpectSP()
		val, isNil, ok2 := d.NString()
		e := MetadataEntry{Name: name}
		if !isNil {
			e.Value = &val
		}
		out = append(out, e)
		return ok && ok2
	})
	return out
}

// parseAnnotation reads ANNOTATION mailbox entry (attr value ...)
// (draft-daboo-imap-annotatemore-05).
func parseAnnotation(p *parser, _ string) Response {
	d := p.d
	a := &AnnotationData{}
	a.Mailbox, _ = p.mailbox()
	d.ExpectSP()
	a.Entry, _ = d.AString()
	d.ExpectSP()
	a.Attributes = p.pairs()
	return a
}

// parseID reads ID (field value ...) or ID NIL (RFC 2971).
func parseID(p *parser, _ string) Response {
	if p.d.NIL() {
		return &IDData{}
	}
	return &IDData{Params: p.pairs()}
}
