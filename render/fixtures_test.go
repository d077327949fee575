package render

import (
	"time"

	"imapsh/client"
)

// Realistic inputs for the golden tests, modelled on what Dovecot 2.3 and
// Cyrus 3 send.

func strp(s string) *string { return &s }

func si(name string, v uint64) client.StatusItem { return client.StatusItem{Name: name, Value: v} }
func ace(id, rights string) client.ACLEntry      { return client.ACLEntry{Identifier: id, Rights: rights} }
func me(name string, v *string) client.MetadataEntry {
	return client.MetadataEntry{Name: name, Value: v}
}
func prm(name, value string) client.Param { return client.Param{Name: name, Value: value} }
func u32p(n uint32) *uint32               { return &n }

func atom(s string) client.Value   { return client.Value{Kind: client.KindAtom, Str: s} }
func str(s string) client.Value    { return client.Value{Kind: client.KindString, Str: s} }
func number(n uint64) client.Value { return client.Value{Kind: client.KindNumber, Num: n} }
func list(vs ...client.Value) client.Value {
	return client.Value{Kind: client.KindList, List: vs}
}

var dovecotCaps = &client.CapabilityData{Caps: []string{
	"IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "SORT",
	"SORT=DISPLAY", "THREAD=REFERENCES", "THREAD=REFS", "THREAD=ORDEREDSUBJECT",
	"MULTIAPPEND", "URL-PARTIAL", "CATENATE", "UNSELECT", "CHILDREN", "NAMESPACE",
	"UIDPLUS", "LIST-EXTENDED", "I18NLEVEL=1", "CONDSTORE", "QRESYNC", "ESEARCH",
	"ESORT", "SEARCHRES", "WITHIN", "CONTEXT=SEARCH", "LIST-STATUS", "BINARY",
	"MOVE", "SNIPPET=FUZZY", "PREVIEW=FUZZY", "PREVIEW", "STATUS=SIZE", "SAVEDATE",
	"LITERAL+", "NOTIFY", "SPECIAL-USE", "QUOTA", "AUTH=PLAIN", "AUTH=SCRAM-SHA-256", "IMAP4rev2",
}}

var dovecotList = []client.Response{
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`}, Delim: "/", Mailbox: "INBOX"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Drafts`}, Delim: "/", Mailbox: "Drafts"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Sent`}, Delim: "/", Mailbox: "Sent"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Junk`}, Delim: "/", Mailbox: "Junk"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasChildren`, `\Noselect`}, Delim: "/", Mailbox: "Archiv"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Archive`}, Delim: "/", Mailbox: "Archiv/2024 Entwürfe", Raw: "Archiv/2024 Entw&APw-rfe"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Trash`}, Delim: "/", Mailbox: "Trash",
		Extended: []client.Value{str("CHILDINFO"), list(str("SUBSCRIBED"))}},
}

var cyrusList = []client.Response{
	&client.ListData{Command: "LIST", Attrs: []string{`\HasChildren`}, Delim: ".", Mailbox: "INBOX"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\drafts`}, Delim: ".", Mailbox: "INBOX.Drafts"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\sent`}, Delim: ".", Mailbox: "INBOX.Sent"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\trash`}, Delim: ".", Mailbox: "INBOX.Trash"},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`}, Delim: ".", Mailbox: "INBOX.日本語"},
}

var listStatus = []client.Response{
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`}, Delim: "/", Mailbox: "INBOX"},
	&client.StatusData{Mailbox: "INBOX", Items: []client.StatusItem{si("MESSAGES", 42), si("UNSEEN", 3), si("UIDNEXT", 1202)}},
	&client.ListData{Command: "LIST", Attrs: []string{`\HasNoChildren`, `\Sent`}, Delim: "/", Mailbox: "Sent"},
	&client.StatusData{Mailbox: "Sent", Items: []client.StatusItem{si("MESSAGES", 1200), si("UNSEEN", 0), si("UIDNEXT", 1301)}},
	&client.StatusData{Mailbox: "Elsewhere", Items: []client.StatusItem{si("MESSAGES", 7)}},
}

var statuses = []client.Response{
	&client.StatusData{Mailbox: "INBOX", Items: []client.StatusItem{si("MESSAGES", 42), si("RECENT", 1), si("UIDNEXT", 1202), si("UIDVALIDITY", 1700000000), si("UNSEEN", 3), si("HIGHESTMODSEQ", 5012), si("SIZE", 5242880)}},
}

var quotaResult = &client.Result{
	Command: "GETQUOTAROOT", Tag: "A7",
	Responses: []client.Response{
		&client.QuotaRootData{Mailbox: "INBOX", Roots: []string{"User quota"}},
		&client.QuotaData{Root: "User quota", Resources: []client.QuotaResource{
			{Name: "STORAGE", Usage: 1229, Limit: 10485760}, {Name: "MESSAGE", Usage: 910, Limit: 1000}}},
		&client.QuotaData{Root: "", Resources: []client.QuotaResource{{Name: "MAILBOX", Usage: 12, Limit: 10}, {Name: "STORAGE", Usage: 5, Limit: 0}}},
	},
	Status: &client.StatusResponse{Tag: "A7", Status: "OK", Text: "Getquotaroot completed (0.001 + 0.000 secs)."},
}

var aclResponses = []client.Response{
	&client.ACLData{Mailbox: "INBOX", Entries: []client.ACLEntry{ace("alice", "lrswipkxtecda"), ace("anyone", "lr"), ace("-bob", "w"), ace("group:staff", "lrs9")}},
	&client.MyRightsData{Mailbox: "Shared/Team", Rights: "lrsp"},
	&client.ListRightsData{Mailbox: "INBOX", Identifier: "bob", Required: "", Optional: []string{"l", "r", "s", "w", "i", "p", "k", "x", "t", "e", "a", "0", "9"}},
}

var namespace = &client.NamespaceData{
	Personal: []client.NamespaceDescr{{Prefix: "", Delim: "/"}},
	Shared: []client.NamespaceDescr{{Prefix: "Shared/", Delim: "/",
		Ext: []client.Value{str("X-PARAM"), list(str("FLAG1"), str("FLAG2"))}}},
}

var metadataResponses = []client.Response{
	&client.MetadataData{Mailbox: "", Entries: []client.MetadataEntry{me("/shared/admin", strp("mailto:postmaster@example.org")), me("/shared/comment", nil)}},
	&client.MetadataData{Mailbox: "INBOX", Entries: []client.MetadataEntry{me("/private/comment", strp("My own\r\nnotes"))}},
}

var annotationResponses = []client.Response{
	&client.AnnotationData{Mailbox: "INBOX", Entry: "/comment", Attributes: []client.MetadataEntry{me("value.priv", strp("mine")), me("value.shared", nil)}},
	&client.AnnotationData{Mailbox: "INBOX", Entry: "/vendor/cmu/cyrus-imapd/size", Attributes: []client.MetadataEntry{me("value.shared", strp("123456"))}},
}

var threadForest = &client.ThreadData{Threads: []*client.ThreadNode{
	{Num: 2},
	{Num: 3, Children: []*client.ThreadNode{{Num: 6, Children: []*client.ThreadNode{
		{Num: 4, Children: []*client.ThreadNode{{Num: 23}}},
		{Num: 44, Children: []*client.ThreadNode{{Num: 7, Children: []*client.ThreadNode{{Num: 96}}}}},
	}}}},
	{Num: 0, Children: []*client.ThreadNode{{Num: 8}, {Num: 9}}},
}}

var cet = time.FixedZone("", 3600)

func addr(name, mailbox, host string) client.Address {
	return client.Address{Name: name, Mailbox: mailbox, Host: host}
}

var fetchSummaries = []client.Response{
	&client.FetchData{Seq: 1, UID: 1199, Flags: []string{`\Seen`}, HasFlags: true, Size: 2350, HasSize: true,
		InternalDate: time.Date(2024, 2, 28, 9, 1, 0, 0, cet),
		Envelope: &client.Envelope{Date: "Wed, 28 Feb 2024 09:00:58 +0100", Subject: "=?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?=",
			From: []client.Address{addr("=?iso-8859-1?Q?J=F6rg_M=FCller?=", "joerg", "example.de")}}},
	&client.FetchData{Seq: 2, UID: 1200, Flags: nil, HasFlags: true, Size: 1300000, HasSize: true,
		InternalDate: time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC),
		Envelope: &client.Envelope{Subject: "=?windows-1252?Q?=93Quoted=94_=80_price?= =?x-unknown?Q?abc?=",
			From: []client.Address{addr("", "noreply", "shop.example")}}},
	&client.FetchData{Seq: 3, UID: 1201, Flags: []string{`\Seen`, `\Flagged`, "$Label1"}, HasFlags: true, Size: 12595, HasSize: true,
		InternalDate: time.Date(2024, 3, 1, 10, 22, 5, 0, cet),
		Envelope: &client.Envelope{Subject: "Re: a rather long subject line that will not fit in a table of eighty columns",
			From: []client.Address{addr("Alice Example", "alice", "example.org")}}},
}

var mixedStructure = &client.BodyStructure{
	Type: "multipart", Subtype: "MIXED",
	Parts: []*client.BodyStructure{
		{Type: "multipart", Subtype: "ALTERNATIVE", Parts: []*client.BodyStructure{
			{Type: "TEXT", Subtype: "PLAIN", Params: []client.Param{prm("CHARSET", "UTF-8")}, Encoding: "QUOTED-PRINTABLE", Size: 1229, Lines: 30},
			{Type: "TEXT", Subtype: "HTML", Params: []client.Param{prm("CHARSET", "UTF-8")}, Encoding: "QUOTED-PRINTABLE", Size: 4100, Lines: 88},
		}},
		{Type: "APPLICATION", Subtype: "PDF", Params: []client.Param{prm("NAME", "report.pdf")}, Encoding: "BASE64", Size: 122880,
			Disposition: "ATTACHMENT", DispParams: []client.Param{prm("FILENAME", "=?UTF-8?Q?Bericht_M=C3=A4rz.pdf?=")}},
		{Type: "MESSAGE", Subtype: "RFC822", Encoding: "7BIT", Size: 3050, Lines: 61,
			Envelope: &client.Envelope{Subject: "=?UTF-8?B?V2VpdGVyZ2VsZWl0ZXQ=?=: Quartalszahlen"},
			Body: &client.BodyStructure{Type: "multipart", Subtype: "mixed", Parts: []*client.BodyStructure{
				{Type: "text", Subtype: "plain", Params: []client.Param{prm("charset", "us-ascii")}, Encoding: "7bit", Size: 400, Lines: 12},
				{Type: "image", Subtype: "png", Encoding: "base64", Size: 2048, Disposition: "inline", DispParams: []client.Param{prm("filename", "chart.png")}},
			}}},
	},
}

var fetchDetailed = &client.FetchData{
	Seq: 7, UID: 1201, Flags: []string{`\Seen`, `\Flagged`}, HasFlags: true, Size: 12595, HasSize: true,
	InternalDate: time.Date(2024, 3, 1, 10, 22, 5, 0, cet), ModSeq: 5012,
	Envelope: &client.Envelope{
		Date: "Fri, 1 Mar 2024 10:22:01 +0100", Subject: "=?UTF-8?B?UXVhcnRhbHN6YWhsZW4g8J+TiA==?=",
		From:   []client.Address{addr("=?utf-8?q?Bj=C3=B6rn?= Example", "bjoern", "example.org")},
		Sender: []client.Address{addr("=?utf-8?q?Bj=C3=B6rn?= Example", "bjoern", "example.org")},
		To: []client.Address{addr("Alice", "alice", "example.org"),
			{Mailbox: "team"}, addr("", "carol", "example.org"), addr("Dave", "dave", "example.org"), {}},
		MessageID: "<20240301092201.1234@example.org>",
	},
	BodyStructure: mixedStructure,
	Sections: []client.BodySection{
		{Name: "BODY[HEADER.FIELDS (SUBJECT X-EVIL)]", Section: "HEADER.FIELDS (SUBJECT X-EVIL)",
			Data: []byte("Subject: =?UTF-8?B?UXVhcnRhbHN6YWhsZW4g8J+TiA==?=\r\nX-Evil: \x1b]0;pwned\x07\x1b[2J\u202egnp.exe\r\n\r\n")},
		{Name: "BODY[1.1]<0>", Section: "1.1", Origin: u32p(0), Data: []byte("Hallo Alice,\r\n\r\n\tdie Zahlen sind da.\r\n")},
		{Name: "BINARY[2]", Section: "2", Data: []byte("%PDF-1.7\x00\x01\x02\xff\xfe binary")},
		{Name: "BODY[3]", Section: "3", Streamed: 3050},
		{Name: "BODY[4]", Section: "4", Nil: true},
	},
	Other: []client.NamedValue{
		{Name: "X-GM-LABELS", Value: list(atom(`\Inbox`), str("Work"))},
		{Name: "SNIPPET", Value: list(atom("FUZZY"), str("Hallo Alice, die Zahlen sind da. Anbei der Bericht für März und die Grafik."))},
	},
}

var singlePart = &client.FetchData{Seq: 9, UID: 1300,
	BodyStructure: &client.BodyStructure{Type: "TEXT", Subtype: "PLAIN", Params: []client.Param{prm("CHARSET", "iso-8859-1"), prm("FORMAT", "flowed")}, Encoding: "8BIT", Size: 512, Lines: 9}}

var selectResult = &client.Result{
	Command: "SELECT", Tag: "A3",
	Responses: []client.Response{
		&client.FlagsData{Flags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, "$Forwarded"}},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "PERMANENTFLAGS", Args: []client.Value{list(atom(`\Answered`), atom(`\Flagged`), atom(`\Deleted`), atom(`\Seen`), atom(`\Draft`), atom("$Forwarded"), atom(`\*`))}}, Text: "Flags permitted."},
		&client.NumberData{Name: "EXISTS", N: 42},
		&client.NumberData{Name: "RECENT", N: 3},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "UNSEEN", Args: []client.Value{number(5)}}, Text: "First unseen."},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "UIDVALIDITY", Args: []client.Value{number(1700000000)}}, Text: "UIDs valid"},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "UIDNEXT", Args: []client.Value{number(1202)}}, Text: "Predicted next UID"},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "HIGHESTMODSEQ", Args: []client.Value{number(5012)}}, Text: "Highest"},
	},
	Status: &client.StatusResponse{Tag: "A3", Status: "OK", Code: &client.Code{Name: "READ-WRITE"}, Text: "Select completed (0.002 + 0.000 + 0.001 secs)."},
}

var noResult = &client.Result{
	Command: "APPEND", Tag: "A9",
	Responses: []client.Response{
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "ALERT"}, Text: "System shutdown in 10 minutes"},
		&client.ContinuationData{Text: "OK"},
	},
	Status: &client.StatusResponse{Tag: "A9", Status: "NO", Code: &client.Code{Name: "TRYCREATE"}, Text: "Mailbox doesn't exist: Archive/2025"},
}

var mailboxRW = &client.Mailbox{Name: "INBOX", Exists: 42, Recent: 3, Unseen: 5, UIDValidity: 1700000000, UIDNext: 1202, HighestModSeq: 5012,
	Flags:          []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`},
	PermanentFlags: []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`, `\*`}}

var mailboxRO = &client.Mailbox{Name: "Archiv/2024 Entwürfe", ReadOnly: true, Exists: 1, UIDValidity: 1700000001, UIDNext: 2,
	Flags: []string{`\Seen`}}
