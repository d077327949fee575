package demo

import "fmt"

// Addresses used across the samples.
var (
	demoAddr   = address("Demo User", "demo@imapsh.example", 'Q')
	aliceAddr  = address("Alice Archer", "alice@example.org", 'Q')
	bobAddr    = address("Bob Brown", "bob@example.org", 'Q')
	carolAddr  = address("Carol Chen", "carol@example.org", 'Q')
	jurgenAddr = address("Jürgen Müller", "juergen@example.de", 'Q')
	yukiAddr   = address("山田 由紀", "yuki@example.jp", 'B')
	ciAddr     = address("CI Bot", "ci@build.example.net", 'Q')
)

// Flag shorthands.
var (
	seen         = []string{`\Seen`}
	seenFlagged  = []string{`\Seen`, `\Flagged`}
	seenAnswered = []string{`\Seen`, `\Answered`}
	unread       = []string(nil)
)

// sampleSpecs lists every sample in chronological (and append) order.
func sampleSpecs() []spec {
	specs := []spec{
		{mailbox: MailboxInbox, flags: seen, from: aliceAddr, to: demoAddr,
			subject: "Welcome to the imapsh demo",
			mime:    plainText("Hi,\n\nthis mailbox is served by imapsh --demo.\nTry: fetch 1:* (FLAGS ENVELOPE)\n\n-- \nAlice\n")},
		{mailbox: MailboxInbox, flags: seenFlagged, from: jurgenAddr, to: demoAddr,
			subject: encodeWord('Q', "Grüße aus Köln"),
			mime:    quotedPrintableText("Hallo,\n\nviele Grüße aus Köln! Das Café am Dom hat wieder geöffnet.\nÄpfel, Öl und Übermut – alles da.\n\nJürgen\n")},
		{mailbox: MailboxInbox, flags: unread, from: address("Weekly Digest", "digest@news.example.com", 'Q'), to: demoAddr,
			subject: "Your weekly digest",
			mime: multipartBody("alternative", "=_alt_digest_01",
				plainText("Top stories this week:\n* IMAP4rev2 is RFC 9051\n* Modified UTF-7 explained\n"),
				mimeBody{contentType: "text/html; charset=us-ascii",
					text: "<html><body><h1>Top stories this week</h1>\n<ul><li>IMAP4rev2 is RFC 9051</li>\n<li>Modified UTF-7 explained</li></ul></body></html>\n"})},
		{mailbox: MailboxInbox, flags: seen, from: bobAddr, to: demoAddr,
			subject: "Q1 figures (CSV attached)",
			mime: multipartBody("mixed", "=_mixed_q1_02",
				plainText("The Q1 figures are attached.\n\nBob\n"),
				attachment("text/csv; charset=utf-8", "Q1 résumé.csv", []byte(q1CSV)))},
	}
	thread := offsiteThread()
	specs = append(specs, thread[:3]...)
	specs = append(specs,
		spec{mailbox: MailboxInbox, flags: seenAnswered, from: yukiAddr, to: demoAddr, cc: jurgenAddr,
			subject: encodeWord('B', "会議の議事録 (minutes)"),
			mime:    base64Body("text/plain; charset=utf-8", []byte("議事録を添付します。\nよろしくお願いします。\n由紀\n"))},
		spec{mailbox: MailboxSent, flags: seen, from: demoAddr, to: yukiAddr,
			subject: "Re: " + encodeWord('B', "会議の議事録 (minutes)"),
			mime:    plainText("Thank you, Yuki!\n")},
	)
	specs = append(specs, thread[3:]...)
	specs = append(specs,
		spec{mailbox: MailboxInbox, flags: seen, from: ciAddr, to: demoAddr,
			subject: "Build log for main (large)",
			mime:    plainText(longText(300))},
		spec{mailbox: MailboxInbox, flags: []string{`\Flagged`}, from: carolAddr, to: demoAddr,
			subject: encodeWord('Q', "Übersicht – binary sample"),
			mime: multipartBody("mixed", "=_mixed_bin_03",
				quotedPrintableText("Anbei die Übersicht als Binärdatei.\n"),
				attachment("application/octet-stream", "Übersicht.bin", byteRamp(256)))},
		spec{mailbox: MailboxDrafts, flags: []string{`\Draft`}, from: demoAddr, to: bobAddr,
			subject: "Draft: notes for the offsite",
			mime:    plainText("- agenda\n- budget\n- travel\n")},
	)
	specs = append(specs, notifications()...)
	specs = append(specs,
		spec{mailbox: MailboxTrash, flags: []string{`\Seen`, `\Deleted`}, from: address("Prize Desk", "win@spam.example", 'Q'), to: demoAddr,
			subject: "You have won!!!", mime: plainText("Click here.\n")},
		spec{mailbox: MailboxTrash, flags: seen, from: ciAddr, to: demoAddr,
			subject: "Build #1 failed", mime: plainText("Old failure, already fixed.\n")},
		spec{mailbox: MailboxArchive, flags: seen, from: aliceAddr, to: demoAddr,
			subject: "Old project kickoff", mime: plainText("Kickoff notes from last year.\n")},
		spec{mailbox: MailboxArchive, flags: seenFlagged, from: bobAddr, to: demoAddr,
			subject: "Contract signed", mime: plainText("Signed copy is in the shared drive.\n")},
		spec{mailbox: MailboxArchive2024, flags: seen, from: carolAddr, to: demoAddr,
			subject: "Invoice 2024-001", mime: plainText("Invoice 2024-001: 1,200.00 EUR\n")},
		spec{mailbox: MailboxArchive2024, flags: seen, from: carolAddr, to: demoAddr,
			subject: "Invoice 2024-002", mime: plainText("Invoice 2024-002: 980.00 EUR\n")},
		spec{mailbox: MailboxUnicode, flags: unread, from: yukiAddr, to: demoAddr,
			subject: encodeWord('B', "日本語のフォルダへようこそ"),
			mime:    base64Body("text/plain; charset=utf-8", []byte("このフォルダ名は modified UTF-7 で送られます。\n"))},
	)
	return specs
}

// offsiteThread is a five-message conversation linked by Message-ID,
// In-Reply-To and References (RFC 5322 §3.6.4); the fourth is the demo
// user's own reply, stored in Sent.
func offsiteThread() []spec {
	const subject = "Planning the Q2 offsite"
	type turn struct {
		mailbox string
		flags   []string
		from    string
		text    string
	}
	turns := []turn{
		{MailboxInbox, seenAnswered, aliceAddr, "Where should we go this year? Lisbon or Kraków?\n"},
		{MailboxInbox, seen, bobAddr, "> Lisbon or Kraków?\n\nLisbon gets my vote.\n"},
		{MailboxInbox, seenFlagged, carolAddr, "Kraków is cheaper, but Lisbon is fine by me.\n"},
		{MailboxSent, seen, demoAddr, "Lisbon it is. I will book the venue.\n"},
		{MailboxInbox, unread, aliceAddr, "Great, thanks! Dates: 6-8 May.\n"},
	}
	var ids []string
	specs := make([]spec, len(turns))
	for i, t := range turns {
		sp := spec{mailbox: t.mailbox, flags: t.flags, from: t.from,
			to: "team@example.org", subject: subject, mime: plainText(t.text),
			messageID: fmt.Sprintf("offsite-%d@example.org", i+1)}
		if i > 0 {
			sp.subject = "Re: " + subject
			sp.inReplyTo = ids[i-1]
			sp.references = append([]string(nil), ids...)
		}
		ids = append(ids, sp.messageID)
		specs[i] = sp
	}
	return specs
}

// notifications are short automated messages that pad INBOX and Sent to a
// realistic count, with a mix of read and unread.
func notifications() []spec {
	var specs []spec
	for i := 1; i <= 12; i++ {
		flags := unread
		if i%3 != 0 {
			flags = seen
		}
		specs = append(specs, spec{mailbox: MailboxInbox, flags: flags, from: ciAddr, to: demoAddr,
			subject: fmt.Sprintf("Build #%d passed", 100+i),
			mime:    plainText(fmt.Sprintf("Pipeline %d finished in %d s.\n", 100+i, 40+i*7))})
	}
	for i := 1; i <= 2; i++ {
		specs = append(specs, spec{mailbox: MailboxSent, flags: seen, from: demoAddr, to: aliceAddr,
			subject: fmt.Sprintf("Status report, week %d", 10+i),
			mime:    plainText(fmt.Sprintf("All green in week %d.\n", 10+i))})
	}
	return specs
}

// q1CSV is the content of the CSV attachment.
const q1CSV = "month,revenue,notes\nJanuary,1200,café opening\nFebruary,980,\nMarch,1410,Ostern\n"

// byteRamp is n bytes counting up from 0, a deterministic binary payload.
func byteRamp(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}
