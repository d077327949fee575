package client

// envelope reads an ENVELOPE (RFC 9051 section 7.5.2: "(" env-date SP
// env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
// env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"). NIL
// instead of the whole envelope yields nil. Fields left out at the end
// are empty: servers have sent envelopes without the Message-ID (MailKit
// #669) and without In-Reply-To and Message-ID (MailKit #932).
func (p *parser) envelope() *Envelope {
	d := p.d
	if d.NIL() {
		return nil
	}
	e := &Envelope{}
	if !d.ExpectSpecial('(') {
		return e
	}
	e.Date = p.nstring()
	if p.envelopeField() {
		e.Subject = p.nstring()
	}
	lists := [6]*[]Address{&e.From, &e.Sender, &e.ReplyTo, &e.To, &e.Cc, &e.Bcc}
	if p.addressLists(lists) && p.envelopeField() {
		e.InReplyTo = p.nstring()
		if p.envelopeField() {
			e.MessageID = p.nstring()
		}
	}
	d.SP() // a space before ')'
	d.ExpectSpecial(')')
	return e
}

// envelopeField reads the SP before the next envelope field and reports
// whether one follows (false at the closing parenthesis).
func (p *parser) envelopeField() bool {
	d := p.d
	if d.Peek() == ')' {
		return false
	}
	return d.ExpectSP() && d.Peek() != ')'
}

// addressLists reads the six address lists of an envelope, each preceded
// by SP, into one shared array: one allocation instead of one per list.
// Each list is capped (s[i:j:j]) so that appending to one never writes
// over the next; NIL leaves a list nil, () makes it empty but non-nil. It
// reports whether all six were there.
func (p *parser) addressLists(dst [6]*[]Address) bool {
	var buf [16]Address // on the stack: envelopes rarely carry more
	all := buf[:0]
	var ends [6]int
	var listed [6]bool
	n := 0
	for ; n < len(dst) && p.envelopeField(); n++ {
		all, listed[n] = p.addresses(all)
		ends[n] = len(all)
	}
	shared := []Address{}
	if len(all) > 0 {
		shared = append(make([]Address, 0, len(all)), all...)
	}
	start := 0
	for i, list := range dst[:n] {
		if listed[i] {
			*list = shared[start:ends[i]:ends[i]]
		}
		start = ends[i]
	}
	return n == len(dst)
}

// nstring reads an nstring, NIL giving "".
func (p *parser) nstring() string {
	s, _, _ := p.d.NString()
	return s
}

// addresses appends an address list to out: "(" 1*address ")" with no
// space between the addresses (RFC 9051 env-from), though a space is
// tolerated (Outlook.com, ruby/net-imap quirky_SP) and so is a NIL in
// place of an address (MailKit #991), which is skipped. listed is false
// for NIL (and a syntax error); () gives true and no addresses.
func (p *parser) addresses(out []Address) (_ []Address, listed bool) {
	d := p.d
	if d.NIL() || !d.ExpectSpecial('(') || !d.Enter() {
		return out, false
	}
	for d.Err() == nil && !d.Special(')') {
		if !d.CountItem() {
			break
		}
		d.SP()
		switch {
		case d.Special(')'):
			d.Leave()
			return out, true
		case d.NIL():
			continue
		}
		out = append(out, p.address())
	}
	d.Leave()
	return out, true
}

// address reads one address: (name adl mailbox host).
func (p *parser) address() Address {
	d := p.d
	var a Address
	d.ExpectSpecial('(')
	a.Name = p.nstring()
	d.ExpectSP()
	a.ADL = p.nstring()
	d.ExpectSP()
	a.Mailbox = p.nstring()
	d.ExpectSP()
	a.Host = p.nstring()
	d.SP() // a trailing space seen on some servers
	d.ExpectSpecial(')')
	return a
}

// envelope interprets an envelope inside a message/rfc822 body part from
// its value tree, with the tolerances of parser.envelope.
func (r bodyReader) envelope(v Value) *Envelope {
	e := &Envelope{}
	strs := []*string{&e.Date, &e.Subject, nil, nil, nil, nil, nil, nil, &e.InReplyTo, &e.MessageID}
	lists := []*[]Address{nil, nil, &e.From, &e.Sender, &e.ReplyTo, &e.To, &e.Cc, &e.Bcc}
	b := &BodyStructure{} // collects misfits, flagged by nstring
	for i, f := range v.List {
		switch {
		case i >= len(strs):
			r.misfit("envelope", f, b)
		case strs[i] != nil:
			*strs[i] = r.nstring("envelope field", f, b)
		default:
			*lists[i] = r.addressList(f, b)
		}
	}
	return e
}

// addressList interprets an address list value: NIL gives nil, () an
// empty list; NIL entries are skipped as in parser.addresses.
func (r bodyReader) addressList(v Value, b *BodyStructure) []Address {
	if v.Kind != KindList {
		if v.Kind != KindNil {
			r.misfit("envelope address list", v, b)
		}
		return nil
	}
	out := []Address{}
	for _, a := range v.List {
		if a.Kind != KindList || len(a.List) != 4 {
			if a.Kind != KindNil {
				r.misfit("address", a, b)
			}
			continue
		}
		out = append(out, Address{Name: r.nstring("addr-name", a.List[0], b), ADL: r.nstring("addr-adl", a.List[1], b),
			Mailbox: r.nstring("addr-mailbox", a.List[2], b), Host: r.nstring("addr-host", a.List[3], b)})
	}
	return out
}
