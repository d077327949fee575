package client_test

import (
	"testing"

	"imapsh/client"
)

// fetchQuirk is one server deviation in a FETCH answer that another
// client's users reported, replayed as sent (names shortened).
type fetchQuirk struct {
	name    string
	source  string // the server and the report it comes from
	items   string
	line    string // the untagged FETCH line(s), S:/Sx: form without the prefix
	flagged bool   // kept, with a protocol error naming what did not fit
	check   func(t *testing.T, f *client.FetchData)
}

// runFetchQuirks plays each case and checks the message it gives.
func runFetchQuirks(t *testing.T, cases []fetchQuirk) {
	for _, q := range cases {
		t.Run(q.name, func(t *testing.T) {
			t.Logf("source: %s", q.source)
			c := selected(t, "FETCH 1 "+q.items, "S: "+q.line+"\n")
			res, err := c.Fetch(bg, "1", q.items, client.FetchOptions{})
			if q.flagged {
				flagged(t, res, err)
			} else if err != nil {
				t.Fatalf("err %v", err)
			}
			q.check(t, only[*client.FetchData](t, res))
		})
	}
}

// TestQuirksBodyStructure: BODYSTRUCTURE deviations of real servers.
func TestQuirksBodyStructure(t *testing.T) {
	runFetchQuirks(t, []fetchQuirk{
		{"disposition as a bare string", "Exchange; jstedfast/MailKit #919", "(UID BODYSTRUCTURE)",
			`* 37 FETCH (UID 67 BODYSTRUCTURE (("text" "plain" ("charset" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 850 31 NIL "inline" NIL NIL)("text" "html" ("charset" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 14692 502 NIL "inline" NIL NIL) "alternative" ("boundary" "----=_Part_45") NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "dsp", f.BodyStructure.Parts[1].Disposition, "inline")
				eq(t, "lines", f.BodyStructure.Parts[1].Lines, uint64(502))
			}},
		{"disposition (NIL NIL)", "Exchange; MailKit ImapUtilsTests TestParseBodyStructureWithNilNilBodyFldDsp", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "iso-8859-1") NIL "Mail message body" "quoted-printable" 2201 34 NIL NIL NIL NIL)("application" "msword" NIL NIL NIL "base64" 50446 NIL (NIL NIL) NIL NIL) "mixed" ("boundary" "===1176586998==") NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "no disposition", f.BodyStructure.Parts[1].Disposition, "")
				eq(t, "octets", f.BodyStructure.Parts[1].Size, uint64(50446))
			}},
		{"multipart without parts", "Gmail; jstedfast/MailKit #205", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("ALTERNATIVE" ("BOUNDARY" "==alternative_xad5934455aeex") NIL NIL)("TEXT" "HTML" ("CHARSET" "iso-8859-1" "NAME" "seti_letter.html") NIL NIL "7BIT" 6769 171 NIL NIL NIL) "ALTERNATIVE" ("BOUNDARY" "==alternative_xad5934455aeex") NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				b := f.BodyStructure.Parts[0]
				eq(t, "empty multipart", b.Type+"/"+b.Subtype+" parts:"+itoa(uint32(len(b.Parts))), "multipart/alternative parts:0")
				eq(t, "its boundary", b.Params[0].Value, "==alternative_xad5934455aeex")
				eq(t, "second part", f.BodyStructure.Parts[1].Subtype, "html")
			}},
		{"multipart without parts, params NIL", "Gmail; jstedfast/MailKit #777", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE ((("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "BASE64" 10418 133 NIL NIL NIL)("TEXT" "HTML" ("CHARSET" "UTF-8") NIL NIL "BASE64" 34544 442 NIL NIL NIL) "ALTERNATIVE" ("BOUNDARY" "94eb") NIL NIL)("RELATED" NIL ("ATTACHMENT" NIL) NIL)("RELATED" NIL ("ATTACHMENT" NIL) NIL) "MIXED" ("BOUNDARY" "94ec") NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "parts", len(f.BodyStructure.Parts), 3)
				r := f.BodyStructure.Parts[1]
				eq(t, "related", r.Type+"/"+r.Subtype+" "+r.Disposition, "multipart/related attachment")
			}},
		{"media type left out", "jstedfast/MailKit #371", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "windows-1251") NIL NIL "base64" 356 5)( "X-ZIP" ("BOUNDARY" "") NIL NIL "base64" 4096) "MIXED" ("BOUNDARY" "--cd49") NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				z := f.BodyStructure.Parts[1]
				eq(t, "subtype", z.Subtype, "x-zip")
				eq(t, "octets", z.Size, uint64(4096))
				eq(t, "encoding", z.Encoding, "base64")
			}},
		{"multipart sent as a basic part", "jstedfast/MailKit #878", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("multipart" "related" ("boundary" "----=_@@@@B") NIL NIL "7BIT" 400 ("boundary" "----=_@@@@B") NIL NIL NIL)("TEXT" "html" ("charset" "UTF8") NIL NIL "7BIT" 1115 70 NIL NIL NIL NIL) "mixed" ("boundary" "----=--_D") NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				r := f.BodyStructure.Parts[0]
				eq(t, "related", r.Subtype+" "+r.Encoding, "related 7BIT")
				eq(t, "octets", r.Size, uint64(400))
				eq(t, "its mpart extension kept", len(r.Ext), 4)
			}},
		{"() as the body of a message part", "Lotus Domino; jstedfast/MailKit #944", "(UID ENVELOPE BODYSTRUCTURE FLAGS)",
			`* 9125 FETCH (UID 23064 ENVELOPE ("6 Nov 2019 09:12:02 +0100" "DELIVERY FAILURE: 550 #5.1.0 Address rejected." ((NIL NIL "postmaster" "pmta.x.co.at")) ((NIL NIL "postmaster" "pmta.x.co.at")) ((NIL NIL "postmaster" "pmta.x.co.at")) ((NIL NIL "support" "x.rocks")) NIL NIL NIL "<OF0E3BFDBA@x.com>") BODYSTRUCTURE (("text" "plain"  ("charset" "UTF-8") NIL NIL "base64" 232 4 NIL NIL NIL)("message" "delivery-status"  NIL NIL NIL "7BIT" 421 NIL NIL NIL)("message" "rfc822"  NIL NIL NIL "7BIT" 787 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) () 0 NIL NIL NIL) "report" ("report-type" "delivery-status" "boundary" "==IFJRGLKFGIR60132UHRUHIHD") NIL NIL) FLAGS (\Seen))`,
			false, func(t *testing.T, f *client.FetchData) {
				m := f.BodyStructure.Parts[2]
				eq(t, "message part", m.Type+"/"+m.Subtype, "message/rfc822")
				eq(t, "no body", m.Body == nil, true)
				eq(t, "empty envelope", m.Envelope != nil && m.Envelope.Subject == "", true)
				eq(t, "flags after it", f.HasFlags, true)
			}},
		{"NIL for a multipart's parts", "jstedfast/MailKit #1393", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 727 16 NIL NIL NIL NIL)("message" "rfc822" ("name" "Message headers") NIL NIL "7bit" 903 ("Mon, 17 Nov 2014 13:29:21 +0100" "Re: Adresy" NIL NIL NIL NIL NIL NIL NIL "<D6173425@example.com>") (NIL "alternative" ("boundary" "Apple-Mail=_352F") NIL NIL NIL) 17 NIL NIL NIL NIL) "report" ("report-type" "delivery-status") NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				inner := f.BodyStructure.Parts[1].Body
				eq(t, "inner", inner.Type+"/"+inner.Subtype+" "+inner.Params[0].Value, "multipart/alternative Apple-Mail=_352F")
				eq(t, "lines", f.BodyStructure.Parts[1].Lines, uint64(17))
			}},
		{"unescaped quotes in the media type", "Exchange; jstedfast/MailKit #485", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("MOUNDARY="_006_5DBB50A5_"" "OCTET-STREAM" ("name" "test.dat") NIL NIL "quoted-printable" 383137 NIL ("attachment" ("filename" "test.dat")))("MOUNDARY="_006_5DBB50A6_"" "OCTET-STREAM" ("name" "test.dat") NIL NIL "quoted-printable" 383137 NIL ("attachment" ("filename" "test.dat"))) "MIXED" ("boundary" "----=_NextPart_000")))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "type as sent", f.BodyStructure.Parts[0].Type, `moundary="_006_5dbb50a5_"`)
				eq(t, "filename", f.BodyStructure.Parts[1].DispParams[0].Value, "test.dat")
			}},
		{"NIL as a parameter value", "mail.ru; kisli/vmime #159, jstedfast/MailKit #124", "(BODYSTRUCTURE)",
			`* 4 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "8bit" 536 0 NIL NIL NIL NIL)("text" "html" ("charset" "utf-8") NIL NIL "8bit" 7130 0 NIL NIL NIL NIL) "alternative" ("boundary" NIL)))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "boundary kept as empty", f.BodyStructure.Params[0].Name+"="+f.BodyStructure.Params[0].Value, "boundary=")
			}},
		{"octets as a float", "mail.ru; jstedfast/MailKit #1838 (9.3736e+06)", "(UID BODYSTRUCTURE FLAGS)",
			`* 1 FETCH (UID 9 BODYSTRUCTURE ("application" "pdf" ("name" "x.pdf") NIL NIL "base64" 9.3736e+06 NIL ("attachment" NIL) NIL NIL) FLAGS (\Seen))`,
			true, func(t *testing.T, f *client.FetchData) {
				b := f.BodyStructure
				eq(t, "kept as sent", b.Ext[0].Str, "9.3736e+06")
				eq(t, "the rest read", b.Disposition+" "+b.Params[0].Value, "attachment x.pdf")
				eq(t, "items after it", f.HasFlags && f.UID == 9, true)
			}},
		{"NIL encoding", "modern-email/defects #41 (imap-codec quirk_body_fld_enc_nil_to_empty)", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE ("text" "plain" NIL NIL NIL NIL 12 1))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "encoding", f.BodyStructure.Encoding, "")
				eq(t, "lines", f.BodyStructure.Lines, uint64(1))
			}},
		{"a number left out before ')'", "Yandex; jstedfast/MailKit #1861 (ReadNumber met ')')", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "base64" 120)("text" "html" ("charset" "utf-8") NIL NIL "base64" 240 4) "alternative"))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "octets", f.BodyStructure.Parts[0].Size, uint64(120))
				eq(t, "no lines", f.BodyStructure.Parts[0].Lines, uint64(0))
				eq(t, "second", f.BodyStructure.Parts[1].Lines, uint64(4))
			}},
		{"spaces between the parts", "Dovecot (MailKit TestParseExampleMultiLevelDovecotBodyStructure); maddy, modern-email/defects #51", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("text" "plain" NIL NIL NIL "7bit" 28 2 NIL NIL NIL NIL)  ("text" "html" NIL NIL NIL "7bit" 1707 65 NIL NIL NIL NIL) "alternative" ("boundary" "b") NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) { eq(t, "parts", len(f.BodyStructure.Parts), 2) }},
		{"message/rfc822 sent as a basic part", "ruby/net-imap response_parser.rb body_type_msg (a message/rfc822 part with Content-Disposition: attachment)", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE ("message" "rfc822" NIL NIL NIL "7bit" 787 NIL ("attachment" ("filename" "fwd.eml")) NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				b := f.BodyStructure
				eq(t, "no envelope", b.Envelope == nil && b.Body == nil, true)
				eq(t, "disposition", b.Disposition+" "+b.DispParams[0].Value, "attachment fwd.eml")
			}},
		{"a description where the disposition belongs", "Synapse; MailKit TestParseMultipartBodyStructureWithoutBodyFldDsp (stackoverflow 33481604)", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "UTF-8") NIL "Message text" "Quoted-printable" 209 6 NIL ("inline" NIL) NIL NIL)("application" "pdf" ("name" "4441004299066.pdf") NIL "4441004299066.pdf" "Base64" 48448 NIL ("inline" ("filename" "4441004299066.pdf")) NIL NIL) "mixed" ("boundary" "6624CFB2") "Multipart message" NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "parts", len(f.BodyStructure.Parts), 2)
				eq(t, "kept", f.BodyStructure.Disposition, "multipart message")
				eq(t, "description", f.BodyStructure.Parts[1].Description, "4441004299066.pdf")
			}},
		{"NIL envelope and body of a message part", "jstedfast/MailKit PR #68", "(BODYSTRUCTURE)",
			`* 1 FETCH (BODYSTRUCTURE ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 0 NIL NIL 0))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "read as body-type-msg", f.BodyStructure.Envelope == nil && f.BodyStructure.Lines == 0, true)
			}},
	})
}

// TestQuirksEnvelope: ENVELOPE deviations of real servers.
func TestQuirksEnvelope(t *testing.T) {
	runFetchQuirks(t, []fetchQuirk{
		{"Message-ID left out", "jstedfast/MailKit #669", "(ENVELOPE)",
			`* 1 FETCH (ENVELOPE ("Tue, 24 Sep 2019 09:48:05 +0800" "subject" (("From Name" NIL "from" "example.com")) (("Sender Name" NIL "sender" "example.com")) (("Reply-To Name" NIL "reply-to" "example.com")) NIL NIL NIL "<in-reply-to@example.com>"))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "in-reply-to", f.Envelope.InReplyTo, "<in-reply-to@example.com>")
				eq(t, "message-id", f.Envelope.MessageID, "")
			}},
		{"In-Reply-To and Message-ID left out", "qq.com; jstedfast/MailKit #932", "(UID ENVELOPE)",
			`* 450 FETCH (UID 9174 ENVELOPE ("Tue, 24 Sep 2019 09:48:05 +0800" "=?GBK?B?sbG+qdW9x/jI1bGose0=?=" (("=?GBK?B?yv2+3bfWzvbQodfp?=" NIL "unkonwn-name" "unknown-domain")) (("=?GBK?B?yv2+3bfWzvbQodfp?=" NIL "unkonwn-name" "unknown-domain")) (("=?GBK?B?yv2+3bfWzvbQodfp?=" NIL "unkonwn-name" "unknown-domain")) NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "from", f.Envelope.From[0].Mailbox, "unkonwn-name")
				eq(t, "to", f.Envelope.To == nil, true)
				eq(t, "uid", f.UID, uint32(9174))
			}},
		{"NIL before an address", "jstedfast/MailKit #991", "(UID ENVELOPE)",
			"* 3001 FETCH (UID 3001 ENVELOPE (\"Thu, 18 Jul 2019 01:29:32 -0300\" \"Xxx\" (NIL ({12}\nS: =?iso-8859-1 NIL \"xxxxxxx\" \"xxxxxxxxxx.xxx\")) (NIL (\"X\" NIL \"x\" \"x.xxx\")) ((NIL NIL \"xxxxxxx\" \"xxxxx.xxx.xx\")) ((NIL NIL \"xxxxxxx\" \"xxxxxxx.xxx.xx\")) NIL NIL NIL \"<0A9F0110@XXXXXXX>\"))",
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "from", len(f.Envelope.From), 1)
				eq(t, "literal name", f.Envelope.From[0].Name, "=?iso-8859-1")
				eq(t, "sender", f.Envelope.Sender[0].Name, "X")
				eq(t, "message-id", f.Envelope.MessageID, "<0A9F0110@XXXXXXX>")
			}},
		{"a space between addresses", "Outlook.com (ruby/net-imap response_parser.rb quirky_SP, 2023-11-28)", "(ENVELOPE)",
			`* 1 FETCH (ENVELOPE (NIL "s" (("A" NIL "a" "x.org") ("B" NIL "b" "x.org")) NIL NIL NIL NIL NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) { eq(t, "two", len(f.Envelope.From), 2) }},
		{"() for an empty address list", "jakartaee/mail-api #82; apple/swift-nio-imap PR #823", "(ENVELOPE)",
			`* 1 FETCH (ENVELOPE (NIL "s" () () () ((NIL NIL "to" "x.org")) () () NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "empty from", f.Envelope.From != nil && len(f.Envelope.From) == 0, true)
				eq(t, "to", f.Envelope.To[0].Mailbox, "to")
			}},
		{"quotes inside a name, lower-case nil", "djc/imap-proto #171 (Thunderbird and Apple Mail read it)", "(ENVELOPE)",
			`* 1 FETCH (ENVELOPE (NIL "s" ((""name_in_base64"extraname(extrahost)"" nil "wangyuan" "host.com")) NIL NIL NIL NIL NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "name", f.Envelope.From[0].Name, `"name_in_base64"extraname(extrahost)"`)
				eq(t, "host", f.Envelope.From[0].Host, "host.com")
			}},
		{"backslash and quotes not escaped in a Message-ID", "GreenMail; greenmail-mail-test/greenmail #4", "(ENVELOPE)",
			`* 1 FETCH (ENVELOPE (NIL "s" NIL NIL NIL NIL NIL NIL NIL "<11111.22222.3333.JavaMail."FOO\BAR"@HOSTNAME>"))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "message-id as sent", f.Envelope.MessageID, `<11111.22222.3333.JavaMail."FOO\BAR"@HOSTNAME>`)
			}},
		{"a folded subject inside quotes", "jakartaee/mail-api #255; cyrusimap/cyrus-imapd #1522", "(ENVELOPE UID)",
			"* 1 FETCH (ENVELOPE (NIL \"Some text here,\nS:  some text there\" NIL NIL NIL NIL NIL NIL NIL NIL) UID 5)",
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "subject", f.Envelope.Subject, "Some text here,\r\n some text there")
				eq(t, "uid after it", f.UID, uint32(5))
			}},
		{"raw UTF-8 in quoted strings", "Proton Bridge 3.6.1; modern-email/defects #38", "(ENVELOPE)",
			`* 2 FETCH (ENVELOPE ("Thu, 22 Aug 2024 07:48:03 +0000" "Test" (("Clément DOUIN" NIL "clement.douin" "localhost")) NIL NIL NIL NIL NIL NIL NIL))`,
			false, func(t *testing.T, f *client.FetchData) { eq(t, "name", f.Envelope.From[0].Name, "Clément DOUIN") }},
	})
}
