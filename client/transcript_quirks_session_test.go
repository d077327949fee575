package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// session is a client, not logged in, after a greeting whose transcript
// continues with wire.
func session(t *testing.T, greeting, wire string) *client.Client {
	t.Helper()
	c, err := client.New(clienttest.Serve(t, greeting+"\n"+wire), &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestQuirksFetch: deviations in FETCH answers other than BODYSTRUCTURE
// and ENVELOPE.
func TestQuirksFetch(t *testing.T) {
	runFetchQuirks(t, []fetchQuirk{
		{"items in an extra pair of parentheses", "Lotus Domino; jstedfast/MailKit #943", "(UID ENVELOPE BODYSTRUCTURE)",
			`* 2 FETCH (UID 14935 (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)) BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 0 0 NIL))`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "uid", f.UID, uint32(14935))
				eq(t, "envelope", f.Envelope != nil, true)
				eq(t, "body", f.BodyStructure.Subtype, "plain")
			}},
		{"a space before ')'", "imap.qq.com; jakartaee/mail-api #209", "(UID)",
			`* 11487 FETCH (UID 19436 )`,
			false, func(t *testing.T, f *client.FetchData) { eq(t, "uid", f.UID, uint32(19436)) }},
		{"a requested item left out", "iCloud; modern-email/defects #36 (RFC822 missing)", "(UID RFC822)",
			`* 1 FETCH (UID 7)`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "what came is kept", f.UID, uint32(7))
				eq(t, "no section", len(f.Sections), 0)
			}},
		{"Gmail labels: bracketed atoms, escaped backslashes, NIL", "Gmail; jstedfast/MailKit #51 and #244, mscdex/node-imap #187", "(UID X-GM-LABELS X-GM-MSGID)",
			`* 1 FETCH (UID 3 X-GM-LABELS ([Imap]/Trash "\\Starred" NIL \Inbox) X-GM-MSGID 1278455344230334865)`,
			false, func(t *testing.T, f *client.FetchData) {
				eq(t, "labels", f.Other[0].Value.String(), `([Imap]/Trash "\\Starred" NIL \Inbox)`)
				eq(t, "64-bit id", f.Other[1].Value.Num, uint64(1278455344230334865))
			}},
	})
}

// TestQuirksMailboxData: deviations in CAPABILITY, LIST, STATUS, SEARCH,
// FLAGS and other untagged data.
func TestQuirksMailboxData(t *testing.T) {
	tests := []struct {
		name, source, answer string
		check                func(t *testing.T, c *client.Client, res *client.Result)
	}{
		{"STATUS with a trailing space", "Exchange/Outlook; emersion/go-imap #540, modern-email/defects #9",
			"S: * STATUS Inbox (MESSAGES 1) \n", func(t *testing.T, _ *client.Client, res *client.Result) {
				n, _ := only[*client.StatusData](t, res).Get("MESSAGES")
				eq(t, "messages", n, uint64(1))
			}},
		{"CAPABILITY with a trailing space", "imap.exmail.qq.com; emersion/go-imap #571, modern-email/defects #21",
			"S: * CAPABILITY IMAP4rev1 \n", func(t *testing.T, c *client.Client, _ *client.Result) {
				eqStrings(t, "caps", c.Caps(), "IMAP4rev1")
			}},
		{"SEARCH with a trailing space", "Yahoo (ikvk/imap_tools #97); David.fx (jstedfast/MailKit #422)",
			"S: * SEARCH 28219 29170 29352 \n", func(t *testing.T, _ *client.Client, res *client.Result) {
				eq(t, "nums", len(only[*client.SearchData](t, res).Nums), 3)
			}},
		{"STATUS with an empty list", "mail.163.com; modern-email/defects #15, djc/tokio-imap PR #154",
			"S: * STATUS INBOX ()\n", func(t *testing.T, _ *client.Client, res *client.Result) {
				eq(t, "items", len(only[*client.StatusData](t, res).Items), 0)
			}},
		{"RECENT in mixed case", "David.fx Mail Access Server; jstedfast/MailKit #422",
			"S: * 3 Recent\n", func(t *testing.T, _ *client.Client, res *client.Result) {
				eq(t, "recent", only[*client.NumberData](t, res).Name, "RECENT")
			}},
		{"unquoted names with # and brackets", "StartMail; emersion/go-imap PR #640",
			"S: * LIST (\\HasNoChildren) \".\" Special#Hash\nS: * LIST (\\HasNoChildren \\Marked) \".\" [Special]\n",
			func(t *testing.T, _ *client.Client, res *client.Result) {
				l := client.Of[*client.ListData](res)
				eq(t, "names", l[0].Mailbox+" "+l[1].Mailbox, "Special#Hash [Special]")
			}},
		{"a lone backslash among the attributes", "a Dovecot-based XLIST; dinhvh/libetpan #403",
			"S: * XLIST (\\HasNoChildren \\) \".\" \"Archive.2021\"\n", func(t *testing.T, _ *client.Client, res *client.Result) {
				l := only[*client.ListData](t, res)
				eqStrings(t, "attrs", l.Attrs, `\HasNoChildren`, `\`)
				eq(t, "name", l.Mailbox, "Archive.2021")
			}},
		{`\* in FLAGS`, "GreenMail; ruby/net-imap #228",
			"S: * FLAGS (\\Answered \\Seen \\*)\n", func(t *testing.T, _ *client.Client, res *client.Result) {
				eqStrings(t, "flags", only[*client.FlagsData](t, res).Flags, `\Answered`, `\Seen`, `\*`)
			}},
		{"a trailing space in PERMANENTFLAGS", "SurgeMail 80e; modern-email/defects #48, chatmail/async-imap #123",
			"S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen $Forwarded )] Limited\n",
			func(t *testing.T, _ *client.Client, res *client.Result) {
				st := only[*client.StatusResponse](t, res)
				eq(t, "flags", len(st.Code.Strings()), 6)
			}},
		{"(MODSEQ n) in parentheses in ESEARCH", "jstedfast/MailKit #323",
			"S: * ESEARCH (TAG \"A00000012\") UID ALL 33866,33897,33906 (MODSEQ 284535)\n",
			func(t *testing.T, _ *client.Client, res *client.Result) {
				e := only[*client.ESearchData](t, res)
				eq(t, "all", e.All.String(), "33866,33897,33906")
				eq(t, "modseq", e.ModSeq, uint64(284535))
			}},
		{"a trailing space in the ID list", "modern-email/defects #24, djc/tokio-imap 0aeb02e",
			"S: * ID (\"name\" \"Coremail\" \"vendor\" \"Mailtech\" )\n", func(t *testing.T, _ *client.Client, res *client.Result) {
				eq(t, "params", len(only[*client.IDData](t, res).Params), 2)
			}},
		{"UIDVALIDITY 0", "mail.xwtec.cn; modern-email/defects #52",
			"S: * OK [UIDVALIDITY 0] UIDs valid\n", func(t *testing.T, c *client.Client, res *client.Result) {
				n, ok := only[*client.StatusResponse](t, res).Code.Uint32()
				eq(t, "shown as sent", ok && n == 0, true)
			}},
		{"a response code without text", "Gmail, modern-email/defects #28; Yahoo, jstedfast/MailKit #358; qq.com, MailKit #225",
			"S: * OK [HIGHESTMODSEQ 102784]\nS: * OK [UNSEEN 27]\n", func(t *testing.T, c *client.Client, _ *client.Result) {
				eq(t, "highestmodseq", c.Mailbox().HighestModSeq, uint64(102784))
				eq(t, "unseen", c.Mailbox().Unseen, uint32(27))
			}},
		{"double spaces between tokens", "Exchange via DavMail; jazzband/imaplib2 PR #59",
			"S: * OK  [UIDNEXT  5]  ok\nS: *  7  EXISTS\n", func(t *testing.T, c *client.Client, _ *client.Result) {
				eq(t, "uidnext", c.Mailbox().UIDNext, uint32(5))
				eq(t, "exists", c.Mailbox().Exists, uint32(7))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Logf("source: %s", tt.source)
			c := selected(t, "NOOP", tt.answer)
			tt.check(t, c, must(t)(c.Noop(bg)))
		})
	}
}

// TestQuirksStatusLines: tagged and untagged status lines out of shape.
func TestQuirksStatusLines(t *testing.T) {
	t.Run("tagged OK without text", func(t *testing.T) {
		t.Log("source: apple/swift-nio-imap #361; ppops.net after COPY, mscdex/node-imap #537")
		c := session(t, "S: * PREAUTH hi", "C: A1 NOOP\nS: A1 OK\n")
		eq(t, "ok", must(t)(c.Noop(bg)).Status.Text, "")
	})
	t.Run("a status word in mixed case", func(t *testing.T) {
		t.Log("source: Cyrus, \"B0 Bad Missing required argument to Fetch\"; apple/swift-nio-imap #498")
		c := session(t, "S: * PREAUTH hi", "C: A1 NOOP\nS: A1 Bad Missing required argument to Fetch\nC: A2 NOOP\nS: * ok still here\nS: A2 ok\n")
		_, err := c.Noop(bg)
		serverError(t, err, "BAD", "")
		res := must(t)(c.Noop(bg))
		eq(t, "untagged ok", only[*client.StatusResponse](t, res).Status, "OK")
	})
	t.Run("an untagged OK without text while idling", func(t *testing.T) {
		t.Log("source: DBMail sent a bare \"* OK\" as its IDLE keep-alive; dbmail/dbmail PR #26")
		c := selected(t, "IDLE", "S: + idling\nS: * OK\nC: DONE\n")
		ctx, cancel := context.WithCancel(bg)
		var got []string
		res, err := c.Idle(ctx, func(r client.Response) {
			got = append(got, r.Kind())
			cancel()
		})
		if err != nil || !res.OK() {
			t.Fatalf("err %v", err)
		}
		eqStrings(t, "updates", got, "OK")
	})
	t.Run("text with an unbalanced parenthesis", func(t *testing.T) {
		t.Log("source: Gmail; karastojko/mailio #138")
		c := session(t, "S: * PREAUTH hi", "C: A1 SELECT \"mailbox)\"\nS: A1 OK [READ-WRITE] mailbox) selected. (Success)\n")
		eq(t, "text", must(t)(c.Select(bg, "mailbox)", client.SelectOptions{})).Status.Text, "mailbox) selected. (Success)")
	})
	t.Run("a response code alone on a line", func(t *testing.T) {
		t.Log("source: Exchange 2013 after UID MOVE; ruby/net-imap #250")
		c := selected(t, "UID MOVE 10 PROCESSING", "S: [COPYUID 124 10 233]\n")
		res := must(t)(c.Move(bg, "10", "PROCESSING", true))
		d, ok := only[*client.StatusResponse](t, res).Code.UIDPlus()
		eq(t, "copyuid", ok && d.Dest.String() == "233" && d.UIDValidity == 124, true)
	})
	t.Run("a garbage line, then BYE and close", func(t *testing.T) {
		t.Log("source: HubSpot/NioImapClient PR #94 (an ESP blocking IPs)")
		c := session(t, "S: * OK hi", "C: A1 LOGIN alice secret\n"+
			"S: Your IP Address is blocked from further use due to AntiSpam policy. For further clarifications please contact support* BYE IMAP4rev1 Server logging out\n!close\n")
		res, err := c.Login(bg, "alice", "secret")
		if !errors.Is(err, client.ErrClosed) || res == nil {
			t.Fatalf("err %v", err)
		}
		shown := false
		for _, m := range client.Of[*client.MalformedData](res) {
			shown = shown || strings.Contains(m.Err.Error(), "IP Address is blocked")
		}
		if !shown {
			t.Errorf("the server's text is not shown: %s", describe(res))
		}
	})
	t.Run("an unclosed quote in the greeting's code", func(t *testing.T) {
		t.Log("robustness: the client must not wait for a line that will not come")
		c := session(t, `S: * OK [X-INFO "unclosed] ready`, "C: A1 NOOP\nS: A1 OK done\n")
		eq(t, "code kept as text", c.Greeting().Code.Args[0].Str, `"unclosed`)
		must(t)(c.Noop(bg))
	})
}

// TestQuirksDuringCommands: unsolicited data and continuation requests
// where a strict client does not expect them.
func TestQuirksDuringCommands(t *testing.T) {
	t.Run("untagged CAPABILITY during AUTHENTICATE", func(t *testing.T) {
		t.Log("source: Gmail; apple/swift-nio-imap PR #743")
		c := session(t, "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi",
			"C: A1 AUTHENTICATE PLAIN\nS: + \nC: AGFsaWNlAHNlY3JldA==\nS: * CAPABILITY IMAP4rev1 IDLE MOVE\nS: A1 OK done\n")
		mech, _ := client.NewMechanism("PLAIN", client.Credentials{User: "alice", Password: "secret"})
		must(t)(c.Authenticate(bg, mech))
		eq(t, "caps", c.HasCap("MOVE"), true)
	})
	t.Run("untagged EXISTS before APPEND's continuation", func(t *testing.T) {
		t.Log("source: apple/swift-nio-imap PR #787")
		c := session(t, "S: * PREAUTH hi", "C: A1 APPEND INBOX {5}\nS: * 4 EXISTS\nS: + Ready\nC: hello\nS: A1 OK [APPENDUID 7 9] done\n")
		res := must(t)(c.Append(bg, "INBOX", client.AppendMessage{Body: strings.NewReader("hello"), Size: 5}))
		eq(t, "EXISTS kept", only[*client.NumberData](t, res).N, uint32(4))
	})
	t.Run("untagged FETCH before IDLE's continuation", func(t *testing.T) {
		t.Log("source: iCloud; polhenarejos/acme_email #50")
		c := selected(t, "IDLE", "S: * 11 FETCH (UID 53 FLAGS (\\Seen))\nS: + idling\nS: + Still here\nC: DONE\n")
		ctx, cancel := context.WithCancel(bg)
		var kinds []string
		res, err := c.Idle(ctx, func(r client.Response) {
			kinds = append(kinds, r.Kind())
			if len(kinds) == 2 {
				cancel()
			}
		})
		if err != nil || !res.OK() {
			t.Fatalf("err %v", err)
		}
		// "+ Still here" while idling: swift-nio-imap PR #372.
		eqStrings(t, "updates", kinds, "FETCH", "+")
	})
}

// TestQuirksKeepTheRest: a response that cannot be read is skipped with
// a clear error, and the rest of the command's data and the next command
// are not lost.
func TestQuirksKeepTheRest(t *testing.T) {
	t.Log("source: a quoted string broken by a bare CRLF (cyrusimap/cyrus-imapd #1522, no folding space)")
	c := selected(t, "FETCH 1:3 (UID ENVELOPE)", "S: * 1 FETCH (UID 1 ENVELOPE (NIL \"broken\n"+
		"S: subject\" NIL NIL NIL NIL NIL NIL NIL NIL))\nS: * 2 FETCH (UID 2)\nS: * 3 FETCH (UID 3)\n")
	res, err := c.Fetch(bg, "1:3", "(UID ENVELOPE)", client.FetchOptions{})
	var perr *client.ProtocolError
	if !errors.As(err, &perr) || !res.OK() {
		t.Fatalf("err %v", err)
	}
	fs := client.Of[*client.FetchData](res)
	if len(fs) != 2 || fs[0].UID != 2 || fs[1].UID != 3 {
		t.Fatalf("the rest was lost: %s", describe(res))
	}
}
