package client_test

import (
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/client/internal/wire"
)

// Tests named after the productions of RFC 9051 section 9 (and the
// extensions' grammars) that the response decoder implements: each feeds
// a server answer through the fake server and checks the typed result.

// selected returns a client with INBOX selected that will send cmd as A2
// and read answer (server lines, S:/Sx: form) and then "A2 OK done".
func selected(t *testing.T, cmd, answer string) *client.Client {
	t.Helper()
	conn := clienttest.Serve(t, "S: * PREAUTH ready\nC: A1 SELECT INBOX\nS: A1 OK [READ-WRITE] done\n"+
		"C: A2 "+cmd+"\n"+answer+"S: A2 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
	return c
}

// fetchOne runs FETCH 1 items against one server FETCH line and returns
// the message, failing on any error.
func fetchOne(t *testing.T, items, line string) *client.FetchData {
	t.Helper()
	c := selected(t, "FETCH 1 "+items, "S: "+line+"\n")
	return only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", items, client.FetchOptions{})))
}

// flagged returns the *client.MalformedData kept-flags of res and checks
// err is the ProtocolError they make.
func flagged(t *testing.T, res *client.Result, err error) []*client.MalformedData {
	t.Helper()
	var perr *client.ProtocolError
	if !errors.As(err, &perr) {
		t.Fatalf("err %v, want a ProtocolError flagging the response", err)
	}
	if res == nil || !res.OK() {
		t.Fatalf("the tagged OK was not read: %+v", res)
	}
	out := client.Of[*client.MalformedData](res)
	for _, m := range out {
		if !m.Kept {
			t.Errorf("response skipped, want kept: %v", m.Err)
		}
	}
	return out
}

func TestGrammarBodyTypeBasic(t *testing.T) {
	// body-type-basic = media-basic SP body-fields; body-fields with
	// body-fld-id and body-fld-desc set; media-basic "FONT" (RFC 9051).
	b := fetchOne(t, "(BODYSTRUCTURE)", `* 1 FETCH (BODYSTRUCTURE ("FONT" "WOFF2" ("NAME" "x.woff2") "<id@x>" "a font" "BASE64" 4554))`).BodyStructure
	eq(t, "type", b.Type+"/"+b.Subtype, "font/woff2")
	eq(t, "param", b.Params[0].Name+"="+b.Params[0].Value, "name=x.woff2")
	eq(t, "id", b.ID, "<id@x>")
	eq(t, "desc", b.Description, "a font")
	eq(t, "enc", b.Encoding, "BASE64")
	eq(t, "octets", b.Size, uint64(4554))
	eq(t, "no lines", b.Lines, uint64(0))
}

func TestGrammarBodyTypeText(t *testing.T) {
	// body-type-text = media-text SP body-fields SP body-fld-lines;
	// body-fld-enc as any string (x-uuencode); body-fld-lines is number64.
	b := fetchOne(t, "(BODY)", `* 1 FETCH (BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "x-uuencode" 3028 6000000000))`).BodyStructure
	eq(t, "enc", b.Encoding, "x-uuencode")
	eq(t, "lines", b.Lines, uint64(6000000000))
	eq(t, "no ext for BODY", len(b.Ext)+len(b.Language), 0)
}

func TestGrammarBodyTypeMsg(t *testing.T) {
	// body-type-msg = media-message SP body-fields SP envelope SP body SP
	// body-fld-lines; media-message "MESSAGE" "GLOBAL" (RFC 9051, RFC 6532).
	for _, sub := range []string{"RFC822", "GLOBAL"} {
		b := fetchOne(t, "(BODYSTRUCTURE)", `* 1 FETCH (BODYSTRUCTURE ("MESSAGE" "`+sub+`" NIL NIL NIL "8BIT" 641 `+
			`("Sat, 8 Jan 2011 14:16:36 +0100" "Inner" (("A" NIL "a" "x.org")) NIL NIL ((NIL NIL "b" "y.org")) NIL NIL NIL "<m@x>") `+
			`(("TEXT" "PLAIN" NIL NIL NIL "8BIT" 5 1)("TEXT" "HTML" NIL NIL NIL "8BIT" 9 1) "ALTERNATIVE") 31 NIL ("attachment" NIL) NIL NIL))`).BodyStructure
		eq(t, "subject", b.Envelope.Subject, "Inner")
		eq(t, "from", b.Envelope.From[0].Host, "x.org")
		eq(t, "to", b.Envelope.To[0].Mailbox, "b")
		eq(t, "inner parts", len(b.Body.Parts), 2)
		eq(t, "lines", b.Lines, uint64(31))
		eq(t, "disposition", b.Disposition, "attachment")
	}
}

func TestGrammarBodyTypeMpartAndExtensions(t *testing.T) {
	// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart];
	// body-ext-mpart and body-ext-1part with every field; body-fld-lang as
	// a list and as a string; body-extension as nstring, number and list.
	b := fetchOne(t, "(BODYSTRUCTURE)", `* 1 FETCH (BODYSTRUCTURE (`+
		`("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "7BIT" 10 1 "md5sum" ("INLINE" ("FILENAME" "a.txt")) "en" "http://x/a.txt" "ext" 7 ("n" (1 NIL)))`+
		`("IMAGE" "PNG" NIL NIL NIL "BASE64" 20 NIL NIL NIL NIL)`+
		` "MIXED" ("BOUNDARY" "b0") ("inline" NIL) ("de" "fr") "loc" 42))`).BodyStructure
	eq(t, "multipart", b.Type+"/"+b.Subtype, "multipart/mixed")
	eq(t, "boundary", b.Params[0].Value, "b0")
	eq(t, "mpart dsp", b.Disposition, "inline")
	eqStrings(t, "mpart lang", b.Language, "de", "fr")
	eq(t, "mpart loc", b.Location, "loc")
	eq(t, "mpart extension", len(b.Ext), 1)
	p := b.Parts[0]
	eq(t, "md5", p.MD5, "md5sum")
	eq(t, "dsp param", p.DispParams[0].Name+"="+p.DispParams[0].Value, "filename=a.txt")
	eqStrings(t, "lang", p.Language, "en")
	eq(t, "loc", p.Location, "http://x/a.txt")
	eq(t, "extensions", client.Value{Kind: client.KindList, List: p.Ext}.String(), `("ext" 7 ("n" (1 NIL)))`)
	eq(t, "second part", b.Parts[1].Type, "image")
}

func TestGrammarBodyNILWhereListsBelong(t *testing.T) {
	// body-fld-param, body-fld-dsp and body-fld-lang as nil; the address
	// lists of a nested envelope as nil; the whole envelope and body of a
	// message part as NIL (MailKit PR #68).
	b := fetchOne(t, "(BODYSTRUCTURE)", `* 1 FETCH (BODYSTRUCTURE ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 10 NIL NIL 2 NIL NIL NIL NIL))`).BodyStructure
	if b.Envelope != nil || b.Body != nil || b.Params != nil || b.Disposition != "" || b.Language != nil {
		t.Errorf("NIL fields: %+v", b)
	}
	eq(t, "lines", b.Lines, uint64(2))
}

func TestGrammarBodyLiterals(t *testing.T) {
	// string = quoted / literal, in every string field of a body.
	c := selected(t, "FETCH 1 (BODYSTRUCTURE)", "S: * 1 FETCH (BODYSTRUCTURE ({4}\nS: TEXT {5}\nS: PLAIN ({7}\nS: CHARSET {5}\nS: UTF-8) NIL {4}\nS: desc \"7BIT\" 3 1))\n")
	b := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(BODYSTRUCTURE)", client.FetchOptions{}))).BodyStructure
	eq(t, "type", b.Type+"/"+b.Subtype+" "+b.Params[0].Value+" "+b.Description, "text/plain UTF-8 desc")
}

func TestGrammarBodyOctetsBeyond32Bits(t *testing.T) {
	// body-fld-octets is a 32-bit number; a 5 GiB part is shown as sent.
	b := fetchOne(t, "(BODYSTRUCTURE)", `* 1 FETCH (BODYSTRUCTURE ("APPLICATION" "OCTET-STREAM" NIL NIL NIL "BASE64" 5368709120))`).BodyStructure
	eq(t, "octets", b.Size, uint64(5368709120))
}

func TestGrammarEnvelopeEdgeCases(t *testing.T) {
	// envelope: literal subject, group syntax (addr-host NIL), a source
	// route in addr-adl, () and NIL address lists, NIL everywhere else.
	c := selected(t, "FETCH 1 (ENVELOPE)", "S: * 1 FETCH (ENVELOPE (NIL {5}\nS: a\"b\\c ((NIL \"@r1,@r2\" \"x\" \"y.org\")) () NIL "+
		"((NIL NIL \"team\" NIL)(\"Al\" NIL \"al\" \"x.org\")(NIL NIL NIL NIL)) NIL NIL NIL NIL))\n")
	e := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(ENVELOPE)", client.FetchOptions{}))).Envelope
	eq(t, "subject", e.Subject, `a"b\c`)
	eq(t, "route", e.From[0].ADL, "@r1,@r2")
	eq(t, "() is empty, not nil", e.Sender != nil && len(e.Sender) == 0, true)
	eq(t, "NIL is nil", e.ReplyTo == nil, true)
	eq(t, "group start, member, end", len(e.To), 3)
	eq(t, "group name", e.To[0].Mailbox, "team")
	eq(t, "date NIL", e.Date, "")
}

func TestGrammarNumberRanges(t *testing.T) {
	// number and nz-number (32 bits), number64 and mod-sequence-value
	// (63 bits): the largest values are read; one more is flagged (a
	// *wire.RangeError naming the digits), the field left out, the rest
	// of the response and of the command kept, never wrapped.
	c := selected(t, "FETCH 1:3 (UID RFC822.SIZE MODSEQ)",
		"S: * 1 FETCH (UID 4294967295 RFC822.SIZE 9223372036854775807 MODSEQ (9223372036854775807))\n"+
			"S: * 2 FETCH (UID 4294967296 RFC822.SIZE 9223372036854775808 MODSEQ (18446744073709551616) FLAGS (\\Seen))\n"+
			"S: * 4294967296 EXISTS\nS: * 3 FETCH (UID 7)\n")
	res, err := c.Fetch(bg, "1:3", "(UID RFC822.SIZE MODSEQ)", client.FetchOptions{})
	flags := flagged(t, res, err)
	var digits []string
	for _, f := range flags {
		var re *wire.RangeError
		if errors.As(f.Err, &re) {
			digits = append(digits, re.Digits)
		}
	}
	eqStrings(t, "flagged", digits, "4294967296", "9223372036854775808", "18446744073709551616", "4294967296")
	fs := client.Of[*client.FetchData](res)
	if len(fs) != 3 {
		t.Fatalf("%s", describe(res))
	}
	eq(t, "max uid", fs[0].UID, uint32(4294967295))
	eq(t, "max size", fs[0].Size, uint64(1<<63-1))
	eq(t, "max modseq", fs[0].ModSeq, uint64(1<<63-1))
	eq(t, "uid left out", fs[1].UID, uint32(0))
	eq(t, "size left out", fs[1].HasSize, false)
	eq(t, "flags after them kept", fs[1].HasFlags, true)
	eq(t, "next FETCH kept", fs[2].UID, uint32(7))
	g := only[*client.GenericData](t, res)
	eq(t, "EXISTS kept without its number", g.Name, "EXISTS")
	eq(t, "Exists not wrapped", c.Mailbox().Exists, uint32(0))
}

func TestGrammarSearchAndThreadNumbers(t *testing.T) {
	// SEARCH *(SP nz-number) [SP search-sort-mod-seq]; a number out of
	// range is left out, flagged; the others are kept.
	c := selected(t, "SEARCH ALL", "S: * SEARCH 2 4294967296 4294967295 (MODSEQ 917162500)\n")
	res, err := c.Search(bg, "ALL", client.SearchOptions{})
	flagged(t, res, err)
	s := only[*client.SearchData](t, res)
	eq(t, "nums", len(s.Nums), 2)
	eq(t, "max", s.Nums[1], uint32(4294967295))
	eq(t, "modseq", s.ModSeq, uint64(917162500))
}

func TestGrammarThreadNested(t *testing.T) {
	// thread-list, thread-members, thread-nested (RFC 5256 section 4),
	// with the lists side by side as servers send them.
	c := selected(t, "THREAD REFERENCES UTF-8 ALL", "S: * THREAD (2)(3 6 (4 23)(44 7 96))((352)(381))\n")
	th := only[*client.ThreadData](t, must(t)(c.Thread(bg, "REFERENCES", "UTF-8", "ALL", false)))
	eq(t, "threads", len(th.Threads), 3)
	eq(t, "3 -> 6", th.Threads[1].Children[0].Num, uint32(6))
	eq(t, "6 has two branches", len(th.Threads[1].Children[0].Children), 2)
	eq(t, "dummy parent", th.Threads[2].Num, uint32(0))
	eq(t, "dummy's children", len(th.Threads[2].Children), 2)
}

func TestGrammarESearch(t *testing.T) {
	// esearch-response (RFC 4731, RFC 9051): search-correlator with an
	// astring tag and RFC 7377's MAILBOX and UIDVALIDITY, UID, MIN, MAX,
	// ALL, COUNT, MODSEQ, PARTIAL (RFC 9394), and unknown
	// search-return-data kept as values.
	c := selected(t, "SEARCH RETURN (ALL) ALL",
		"S: * ESEARCH (TAG A2 MAILBOX \"Sent&AMQ-\" UIDVALIDITY 7) UID MIN 1 MAX 9 ALL 1:3,9 COUNT 4 MODSEQ 12 PARTIAL (1:10 NIL)\n")
	e := only[*client.ESearchData](t, must(t)(c.Search(bg, "ALL", client.SearchOptions{Return: "ALL"})))
	eq(t, "tag", e.Tag, "A2")
	eq(t, "mailbox decoded", e.Mailbox, "SentÄ")
	eq(t, "uidvalidity", e.UIDValidity, uint32(7))
	eq(t, "uid", e.UID, true)
	eq(t, "min max count", [3]uint32{*e.Min, *e.Max, *e.Count}, [3]uint32{1, 9, 4})
	eq(t, "all", e.All.String(), "1:3,9")
	eq(t, "modseq", e.ModSeq, uint64(12))
	eq(t, "partial", e.Partial.String(), "1:10 NIL")
	eq(t, "other", len(e.Other), 0)
}

func TestGrammarStatusAttValues(t *testing.T) {
	// status-att-val: numbers of each kind (MESSAGES 0, UIDVALIDITY,
	// SIZE number64, HIGHESTMODSEQ mod-sequence-valzer 0), and extension
	// values that are not numbers: APPENDLIMIT NIL (RFC 7889), MAILBOXID
	// (objectid) (RFC 8474).
	conn := clienttest.Serve(t, "S: * PREAUTH ready\nC: A1 STATUS INBOX (MESSAGES)\n"+
		"S: * STATUS INBOX (MESSAGES 0 UIDVALIDITY 4294967295 SIZE 9000000000 HIGHESTMODSEQ 0 APPENDLIMIT NIL MAILBOXID (F2212ea87-6097-4256-9d51-71338625))\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := only[*client.StatusData](t, must(t)(c.Status(bg, "INBOX", []string{"MESSAGES"})))
	eq(t, "items", len(s.Items), 6)
	n, ok := s.Get("MESSAGES")
	eq(t, "MESSAGES 0 is a value", ok && n == 0, true)
	eq(t, "size", s.Items[2].Value, uint64(9000000000))
	eq(t, "APPENDLIMIT NIL", s.Items[4].Data.String(), "NIL")
	eq(t, "MAILBOXID", s.Items[5].Data.String(), "(F2212ea87-6097-4256-9d51-71338625)")
	if _, ok := s.Get("APPENDLIMIT"); ok {
		t.Error("Get gave a number for APPENDLIMIT NIL")
	}
}

func TestGrammarStatusNumberOutOfRange(t *testing.T) {
	// number64 beyond 2^63-1 in STATUS: flagged and kept as sent, not 0.
	conn := clienttest.Serve(t, "S: * PREAUTH ready\nC: A1 STATUS INBOX (SIZE)\n"+
		"S: * STATUS INBOX (SIZE 9223372036854775808 MESSAGES 2)\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Status(bg, "INBOX", []string{"SIZE"})
	flagged(t, res, err)
	s := only[*client.StatusData](t, res)
	eq(t, "as sent", s.Items[0].Data.String(), "9223372036854775808")
	n, _ := s.Get("MESSAGES")
	eq(t, "the next item", n, uint64(2))
}

func TestGrammarListExtended(t *testing.T) {
	// mailbox-list with mbox-list-extended (RFC 5258): CHILDINFO and
	// OLDNAME items; the delimiter NIL; a mailbox name with ']' bare.
	conn := clienttest.Serve(t, "S: * PREAUTH ready\nC: A1 LIST \"\" *\n"+
		"S: * LIST (\\Subscribed) \"/\" Foo (CHILDINFO (\"SUBSCRIBED\") OLDNAME (\"Bar\"))\n"+
		"S: * LIST (\\Noselect) NIL [Gmail]\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := client.Of[*client.ListData](must(t)(c.List(bg, "", "*", client.ListOptions{})))
	eq(t, "extended", client.Value{Kind: client.KindList, List: l[0].Extended}.String(), `(CHILDINFO ("SUBSCRIBED") OLDNAME ("Bar"))`)
	eq(t, "NIL delimiter", l[1].Delim, "")
	eq(t, "bare name with brackets", l[1].Mailbox, "[Gmail]")
}

func TestGrammarVanished(t *testing.T) {
	// expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids (RFC 7162).
	c := selected(t, "NOOP", "S: * VANISHED (EARLIER) 300:310,405,411\nS: * VANISHED 7\n")
	v := client.Of[*client.VanishedData](must(t)(c.Noop(bg)))
	eq(t, "earlier", v[0].Earlier, true)
	eq(t, "uids", v[0].UIDs.String(), "300:310,405,411")
	eq(t, "not earlier", v[1].Earlier, false)
}

func TestGrammarInternalDate(t *testing.T) {
	// date-time with date-day-fixed " 2" and a lower-case month; NIL
	// (as RFC 8514 allows for SAVEDATE) and a date that does not parse are
	// kept as sent.
	c := selected(t, "FETCH 1:3 (INTERNALDATE)", "S: * 1 FETCH (INTERNALDATE \" 2-jan-2024 10:00:00 +0100\")\n"+
		"S: * 2 FETCH (INTERNALDATE NIL)\nS: * 3 FETCH (INTERNALDATE \"yesterday\")\n")
	fs := client.Of[*client.FetchData](must(t)(c.Fetch(bg, "1:3", "(INTERNALDATE)", client.FetchOptions{})))
	eq(t, "parsed", fs[0].InternalDate.Format("2006-01-02 15:04 -0700"), "2024-01-02 10:00 +0100")
	eq(t, "NIL", fs[1].RawDate+"|"+fs[1].InternalDate.String(), "|0001-01-01 00:00:00 +0000 UTC")
	eq(t, "as sent", fs[2].RawDate, "yesterday")
}

func TestGrammarContinuationForms(t *testing.T) {
	// continue-req = "+" SP (resp-text / base64); "+" alone is accepted
	// (public-inbox-imapd, modern-email/defects #7; swift-nio-imap PR #222).
	conn := clienttest.Serve(t, "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\nC: A1 AUTHENTICATE PLAIN\nS: +\n"+
		"C: AGFsaWNlAHNlY3JldA==\nS: A1 OK [CAPABILITY IMAP4rev1] done\n")
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	mech, err := client.NewMechanism("PLAIN", client.Credentials{User: "alice", Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	must(t)(c.Authenticate(bg, mech))
	eq(t, "state", c.State(), client.StateAuthenticated)
}

func TestGrammarRespTextWithoutText(t *testing.T) {
	// resp-text = ["[" resp-text-code "]" SP] [text] (RFC 9051): no text,
	// with or without the space, in untagged and tagged responses.
	c := selected(t, "NOOP", "S: * OK [HIGHESTMODSEQ 7]\nS: * OK [NOMODSEQ] \nS: * NO\n")
	res, err := c.Noop(bg)
	if err != nil {
		t.Fatal(err)
	}
	sts := client.Of[*client.StatusResponse](res)
	eq(t, "three", len(sts), 3)
	eq(t, "code", sts[0].Code.Name+"|"+sts[0].Text, "HIGHESTMODSEQ|")
	eq(t, "NO without text", sts[2].Status+"|"+sts[2].Text, "NO|")
	eq(t, "highestmodseq set", c.Mailbox().HighestModSeq, uint64(7))
	if !strings.Contains(describe(res), "NOOP") {
		t.Error(describe(res))
	}
}

func TestGrammarMetadataACLID(t *testing.T) {
	// metadata-resp (RFC 5464): entry-values with a literal8 value and
	// NIL, and the unsolicited entry-list; acl-data, listrights-data,
	// myrights-data (RFC 4314) with empty rights; id-response NIL (RFC 2971).
	c := selected(t, "NOOP", "S: * METADATA INBOX (/private/comment ~{3}\nS: a\x00b /shared/x NIL)\n"+
		"S: * METADATA INBOX /shared/a /shared/b\nS: * ACL INBOX alice lrswipkxtecda anyone \"\"\n"+
		"S: * LISTRIGHTS INBOX bob \"\" l r s\nS: * MYRIGHTS INBOX \"\"\nS: * ID NIL\n")
	res := must(t)(c.Noop(bg))
	md := client.Of[*client.MetadataData](res)
	eq(t, "literal8 value", *md[0].Entries[0].Value, "a\x00b")
	eq(t, "NIL value", md[0].Entries[1].Value == nil, true)
	eq(t, "entry-list", md[1].Entries[1].Name, "/shared/b")
	acl := only[*client.ACLData](t, res)
	eq(t, "empty rights", acl.Entries[1].Identifier+"="+acl.Entries[1].Rights, "anyone=")
	lr := only[*client.ListRightsData](t, res)
	eq(t, "required", lr.Required, "")
	eqStrings(t, "optional", lr.Optional, "l", "r", "s")
	eq(t, "myrights", only[*client.MyRightsData](t, res).Rights, "")
	eq(t, "ID NIL", only[*client.IDData](t, res).Params == nil, true)
}
