package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// parser turns wire tokens into typed responses. sink, when set, receives
// FETCH body sections as they stream in; utf8 says that mailbox names are
// UTF-8 on the wire (see Client.UTF8Names), not modified UTF-7.
type parser struct {
	d    *wire.Decoder
	sink SectionSink
	utf8 bool
}

// SectionSink chooses where a FETCH body section goes: a non-nil writer
// receives the bytes as they arrive (constant memory); nil keeps them in
// memory within the client's literal limit. size is the section's length
// as the server announced it, for progress displays.
type SectionSink func(seq uint32, section string, size int64) interface {
	Write(p []byte) (int, error)
}

// readResponse parses one response line (with its literals) after Begin.
// tagged is non-nil for a status response carrying a tag.
func (p *parser) readResponse() (resp Response, tagged *StatusResponse) {
	d := p.d
	switch {
	case d.Special('+'):
		d.SP() // "+" alone: public-inbox-imapd (modern-email/defects #7)
		return &ContinuationData{Text: d.Text()}, nil
	case d.Special('*'):
		d.ExpectSP()
		return p.untagged(), nil
	case d.Peek() == '[':
		// "[COPYUID 124 10 233]" alone on a line, for "* OK [COPYUID ...]":
		// Exchange 2013 after UID MOVE (ruby/net-imap #250).
		return p.statusRest("", "OK"), nil
	}
	tag, ok := d.AStringAtom()
	if !ok {
		d.Expected("'*', '+' or a tag")
		return nil, nil
	}
	d.ExpectSP()
	st := p.status(tag)
	return st, st
}

// status parses resp-cond-state after its tag: OK/NO/BAD [code] text.
// Another word is a syntax error; the line still completes its command
// (as BAD holding the whole text, see Client.salvageTag) so that the
// client does not wait for an answer that has come.
func (p *parser) status(tag string) *StatusResponse {
	d := p.d
	m := d.Mark()
	name, _ := d.ExpectAtom()
	status := strings.ToUpper(name)
	if d.Err() == nil && status != "OK" && status != "NO" && status != "BAD" {
		d.Rewind(m)
		d.Expected("OK, NO or BAD after the tag")
		text := d.Text()
		return &StatusResponse{Tag: tag, Status: "BAD", Text: text, notStatus: text}
	}
	return p.statusRest(tag, status)
}

// statusRest parses resp-text: ["[" resp-text-code "]" SP] [text]
// (RFC 9051; the text may be missing, with or without the space: Gmail's
// "* OK [HIGHESTMODSEQ 123]", modern-email/defects #28; "A1 OK",
// apple/swift-nio-imap #361).
func (p *parser) statusRest(tag, status string) *StatusResponse {
	d := p.d
	st := &StatusResponse{Tag: tag, Status: status}
	d.SP()
	if d.Peek() == '[' {
		st.Code = p.code()
		d.SP()
	}
	st.Text = d.Text()
	return st
}

// code parses "[" resp-text-code "]": a name, then [SP data]. Args holds
// the data as values; Raw keeps it as sent when the values do not show it
// so ("[X-PATH C:\dir]", two spaces). Data the value grammar cannot
// read is kept as one atom holding the raw text (resp-text-code's "atom
// [SP 1*<any TEXT-CHAR except "]">]"), so odd codes never fail a response.
func (p *parser) code() *Code {
	d := p.d
	d.ExpectSpecial('[')
	name, _ := d.ExpectAtom()
	c := &Code{Name: strings.ToUpper(name)}
	if !d.SP() {
		d.ExpectSpecial(']')
		return c
	}
	m := d.Mark()
	for d.Err() == nil && d.Peek() != ']' && d.Peek() != 0 {
		v, _ := d.Value()
		c.Args = append(c.Args, v)
		d.SP()
	}
	if d.Peek() == ']' {
		if raw := strings.TrimRight(d.TextSince(m), " "); raw != joinValues(c.Args) {
			c.Raw = raw
		}
		d.Special(']')
		p.checkCode(c)
		return c
	}
	if d.Rewind(m) {
		raw, ok := d.TextUntil(']')
		if !ok { // no closing bracket at all: take the rest
			raw = d.Text()
		}
		d.Special(']')
		c.Args = []Value{{Kind: wire.KindAtom, Str: raw}}
		c.Raw = raw
	}
	return c
}

// untagged parses the part of an untagged response after "* ".
func (p *parser) untagged() Response {
	d := p.d
	if c := d.Peek(); c >= '0' && c <= '9' {
		n, fits := d.Number()
		d.ExpectSP()
		name, _ := d.ExpectAtom()
		if !fits { // flagged: kept without its number (nz-number, number)
			return p.generic(nil, strings.ToUpper(name))
		}
		return p.numbered(n, strings.ToUpper(name))
	}
	name, ok := d.ExpectAtom()
	if !ok {
		return nil
	}
	upper := strings.ToUpper(name)
	if f, ok := untaggedParsers[upper]; ok {
		d.SP()
		// The indirect call makes its parser escape: hand it a copy, so
		// that p itself stays on the caller's stack for the hot FETCH path.
		q := *p
		return f(&q, upper)
	}
	return p.generic(nil, name)
}

// numbered parses "* n NAME ...": EXISTS, RECENT, EXPUNGE, FETCH.
func (p *parser) numbered(n uint32, name string) Response {
	switch name {
	case "EXISTS", "RECENT", "EXPUNGE":
		return &NumberData{Name: name, N: n}
	case "FETCH":
		p.d.ExpectSP()
		return p.fetch(n)
	}
	num := n // only this branch pays for a heap copy of n
	return p.generic(&num, name)
}

// generic keeps an unknown response as a value tree.
func (p *parser) generic(n *uint32, name string) Response {
	d := p.d
	g := &GenericData{Num: n, Name: name}
	for d.SP() && !d.AtEnd() {
		v, ok := d.Value()
		if !ok {
			break
		}
		g.Fields = append(g.Fields, v)
	}
	return g
}

type untaggedParser func(p *parser, name string) Response

var untaggedParsers map[string]untaggedParser

func init() {
	untaggedParsers = map[string]untaggedParser{
		"OK": parseCond, "NO": parseCond, "BAD": parseCond, "BYE": parseCond, "PREAUTH": parseCond,
		"CAPABILITY": parseCapability, "ENABLED": parseEnabled,
		"LIST": parseList, "LSUB": parseList, "XLIST": parseList,
		"STATUS": parseStatus, "FLAGS": parseFlags,
		"SEARCH": parseSearch, "SORT": parseSearch, "ESEARCH": parseESearch,
		"THREAD": parseThread, "NAMESPACE": parseNamespace,
		"QUOTA": parseQuota, "QUOTAROOT": parseQuotaRoot,
		"ACL": parseACL, "LISTRIGHTS": parseListRights, "MYRIGHTS": parseMyRights,
		"METADATA": parseMetadata, "ANNOTATION": parseAnnotation,
		"ID": parseID, "VANISHED": parseVanished,
	}
}

func parseCond(p *parser, name string) Response {
	return p.statusRest("", name)
}

// atoms reads space-separated atoms to the end of the line.
func (p *parser) atoms() []string {
	var out []string
	for !p.d.AtEnd() && p.d.Err() == nil {
		a, ok := p.d.AStringAtom()
		if !ok {
			p.d.Expected("atom")
			break
		}
		out = append(out, a)
		p.d.SP()
	}
	return out
}

func parseCapability(p *parser, _ string) Response { return &CapabilityData{Caps: p.atoms()} }

func parseEnabled(p *parser, _ string) Response { return &EnabledData{Caps: p.atoms()} }

// flagList reads a parenthesised list of flags into a slice of exactly
// their number (one allocation; none for an empty list).
func (p *parser) flagList() []string {
	var buf [8]string // on the stack: messages rarely carry more flags
	flags := buf[:0]
	p.d.List(func() bool {
		f, ok := p.d.Flag()
		flags = append(flags, f)
		return ok
	})
	if len(flags) == 0 {
		return []string{}
	}
	return append([]string(nil), flags...)
}

func parseFlags(p *parser, _ string) Response { return &FlagsData{Flags: p.flagList()} }

// mailbox reads a mailbox name (astring, literals included) and decodes
// it (mailboxName).
func (p *parser) mailbox() (decoded, raw string) {
	raw, _ = p.d.AString()
	return p.mailboxName(raw), raw
}

// mailboxName decodes a mailbox name or prefix as sent: modified UTF-7
// (RFC 3501 section 5.1.3), or nothing in UTF-8 mode, where a name such as
// "A&AOQ-B" is just that (RFC 6855 section 3). A name that does not decode
// is shown as sent.
func (p *parser) mailboxName(raw string) string {
	if p.utf8 {
		return raw
	}
	decoded, _ := wire.DecodeMailbox(raw)
	return decoded
}

// joinValues shows values in IMAP syntax separated by single spaces.
func joinValues(vs []Value) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(v.String())
	}
	return b.String()
}
