package client_test

import (
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/internal/wire"
)

// quirkCases has one case per sloppy-server quirk (transcript quirk_*.txt).
var quirkCases = map[string]transcriptCase{
	"quirk_trailing_spaces": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		m := c.Mailbox()
		eq(t, "Exists", m.Exists, uint32(5))
		eq(t, "UIDNext", m.UIDNext, uint32(9))
		eqStrings(t, "Flags", m.Flags, `\Seen`, `\Deleted`)
	},
	"quirk_code_without_text": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := selectInbox(t, c)
		eq(t, "UIDNext", c.Mailbox().UIDNext, uint32(5))
		eq(t, "UIDValidity", c.Mailbox().UIDValidity, uint32(42))
		eq(t, "tagged text", res.Status.Text, "")
		eq(t, "code", res.Status.Code.Name, "READ-WRITE")
	},
	"quirk_nil_list": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(FLAGS ENVELOPE BODYSTRUCTURE)", client.FetchOptions{})))
		eq(t, "HasFlags", f.HasFlags, true)
		eq(t, "flags", len(f.Flags), 0)
		eq(t, "subject", f.Envelope.Subject, "s")
		eq(t, "from", len(f.Envelope.From), 0)
		eq(t, "params", len(f.BodyStructure.Params), 0)
		eq(t, "lines", f.BodyStructure.Lines, uint64(1))
	},
	"quirk_empty_address_list": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		e := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(ENVELOPE)", client.FetchOptions{}))).Envelope
		eq(t, "from", len(e.From), 0)
		eq(t, "to", len(e.To), 1)
		eq(t, "to host", e.To[0].Host, "example.org")
		eq(t, "message-id", e.MessageID, "<id@x>")
	},
	"quirk_literal_strings": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.List(bg, "", "*", client.ListOptions{}))
		l := client.Of[*client.ListData](res)
		if len(l) != 2 {
			t.Fatalf("%s", describe(res))
		}
		eq(t, "literal name", l[0].Mailbox, `Tricky"Name`)
		eq(t, "literal delim", l[1].Delim, "/")
		eq(t, "literal INBOX", l[1].Mailbox, "INBOX")
		eq(t, "STATUS literal name", only[*client.StatusData](t, res).Mailbox, `Tricky"Name`)
	},
	"quirk_8bit_quoted": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		e := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(ENVELOPE)", client.FetchOptions{}))).Envelope
		eq(t, "subject", e.Subject, "Grüße aus Köln")
		eq(t, "name", e.From[0].Name, "Jürgen")
	},
	"quirk_lowercase_attributes": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.List(bg, "", "*", client.ListOptions{}))
		l := client.Of[*client.ListData](res)
		if len(l) != 2 {
			t.Fatalf("%s", describe(res))
		}
		eqStrings(t, "attrs", l[0].Attrs, `\Noselect`, `\HasChildren`)
		eqStrings(t, "Cyrus attrs", l[1].Attrs, `\Drafts`, `\HasNoChildren`)
		eq(t, "HasAttr", l[0].HasAttr(`\NOSELECT`), true)
		eq(t, "kind", l[0].Kind(), "LIST")
	},
	"quirk_zero_length_literal": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(BODY[TEXT] ENVELOPE)", client.FetchOptions{})))
		eq(t, "body", len(f.Sections[0].Data), 0)
		eq(t, "not NIL", f.Sections[0].Nil, false)
		eq(t, "subject", f.Envelope.Subject, "")
	},
	"quirk_several_literals": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(BODY[HEADER] BODY[TEXT])", client.FetchOptions{})))
		eq(t, "header", string(f.Sections[0].Data), "A: b\r\n\r\n")
		eq(t, "text", string(f.Sections[1].Data), "xyz")
		eq(t, "uid after literals", f.UID, uint32(7))
	},
	"quirk_literal8": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(BINARY[1])", client.FetchOptions{})))
		eq(t, "section", f.Sections[0].Section, "1")
		eq(t, "binary data", string(f.Sections[0].Data), "a\x00b\xff")
	},
	"quirk_empty_line_after_literal": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Fetch(bg, "1", "(BODY[])", client.FetchOptions{}))
		eq(t, "body", string(only[*client.FetchData](t, res).Sections[0].Data), "hello")
		eq(t, "responses", len(res.Responses), 1)
	},
	"quirk_bracket_in_code": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		eqStrings(t, "FLAGS", c.Mailbox().Flags, `\Seen`, "[test]", "$Junk")
		eqStrings(t, "PERMANENTFLAGS", c.Mailbox().PermanentFlags, `\Seen`, "[test]", `\*`)
	},
	"quirk_unsolicited": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Status(bg, "Other", []string{"MESSAGES"}))
		eq(t, "Exists after EXISTS 6 and one EXPUNGE", c.Mailbox().Exists, uint32(5))
		eq(t, "STATUS", only[*client.StatusData](t, res).Mailbox, "Other")
		eq(t, "unsolicited FETCH kept", only[*client.FetchData](t, res).Seq, uint32(3))
		eq(t, "all kept", describe(res), "STATUS[EXISTS STATUS EXPUNGE FETCH]")
		res = must(t)(c.List(bg, "", "Other", client.ListOptions{}))
		eq(t, "Exists", c.Mailbox().Exists, uint32(4))
		eq(t, "LIST kept", describe(res), "LIST[EXPUNGE LIST]")
	},
	"quirk_unknown_response": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Noop(bg))
		g := client.Of[*client.GenericData](res)
		if len(g) != 2 {
			t.Fatalf("%s", describe(res))
		}
		eq(t, "name", g[0].Name, "XYZZY")
		eq(t, "fields", len(g[0].Fields), 2)
		eq(t, "number", g[0].Fields[0].Num, uint64(1))
		eq(t, "list", g[0].Fields[1].String(), `(a "b")`)
		eq(t, "numbered", *g[1].Num, uint32(7))
		eq(t, "literal inside", g[1].Fields[0].String(), `(NIL "lit")`)
	},
	"quirk_unknown_fetch_item": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Fetch(bg, "1", "(UID X-GM-LABELS)", client.FetchOptions{})))
		eq(t, "uid", f.UID, uint32(9))
		eq(t, "other", len(f.Other), 2)
		eq(t, "name", f.Other[0].Name, "X-GM-LABELS")
		eq(t, "labels", f.Other[0].Value.String(), `(\Inbox "foo")`)
		eq(t, "msgid", f.Other[1].Value.Num, uint64(1278455344230334865))
	},
	"quirk_malformed_resync": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res, err := c.Fetch(bg, "1:2", "(UID)", client.FetchOptions{})
		var perr *client.ProtocolError
		if !errors.As(err, &perr) {
			t.Fatalf("err %v (%T), want *client.ProtocolError", err, err)
		}
		var se *wire.SyntaxError
		if !errors.As(perr, &se) || se.Expected != "number" || !strings.HasPrefix(se.Got, `"x7 BODY`) {
			t.Fatalf("syntax error %+v", se)
		}
		if se.Offset != 76 {
			t.Errorf("offset %d, want 76, the byte of x7 in the second FETCH", se.Offset)
		}
		eq(t, "tagged OK read", res.OK(), true)
		eq(t, "status text", res.Status.Text, "done")
		eq(t, "good FETCH kept", only[*client.FetchData](t, res).UID, uint32(5))
		eq(t, "Exists", c.Mailbox().Exists, uint32(3))
		must(t)(c.Noop(bg))
	},
	"quirk_bye_mid_command": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res, err := c.Select(bg, "INBOX", client.SelectOptions{})
		if !errors.Is(err, client.ErrBye) {
			t.Fatalf("err %v, want ErrBye", err)
		}
		if res != nil && res.OK() {
			t.Error("SELECT reported OK")
		}
		eq(t, "state", c.State(), client.StateLogout)
		if _, err := c.Noop(bg); !errors.Is(err, client.ErrClosed) {
			t.Errorf("NOOP after BYE: %v", err)
		}
	},
	"quirk_eof_mid_literal": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		_, err := c.Fetch(bg, "1", "(BODY[])", client.FetchOptions{})
		if !errors.Is(err, client.ErrClosed) {
			t.Fatalf("err %v, want ErrClosed", err)
		}
	},
}
