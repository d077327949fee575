package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/history"
)

// codeLines has one untagged OK per response code with data (RFC 9051
// resp-text-code, RFC 4315, RFC 5464, RFC 7162, RFC 8474, RFC 5530) and
// codes of free-form text; each must reach the text and the JSON output
// as sent.
var codeLines = []struct{ line, text, json string }{
	{`* OK [ALERT] a`, `ALERT: a`, `{"name":"ALERT"}`},
	{`* NO [BADCHARSET (UTF-8 "ISO-8859-1")] b`, `[BADCHARSET (UTF-8 "ISO-8859-1")]`, `"args":["(UTF-8 \"ISO-8859-1\")"]`},
	{`* NO [BADCHARSET] b2`, `[BADCHARSET] b2`, `{"name":"BADCHARSET"}`},
	{`* OK [PERMANENTFLAGS (\Seen $Junk [x] \*)] c`, `[PERMANENTFLAGS (\Seen $Junk [x] \*)]`, `"args":["(\\Seen $Junk [x] \\*)"]`},
	{`* OK [UIDNEXT 4294967295] d`, `[UIDNEXT 4294967295]`, `"args":["4294967295"]`},
	{`* OK [UIDVALIDITY 3857529045] e`, `[UIDVALIDITY 3857529045]`, `"args":["3857529045"]`},
	{`* OK [UNSEEN 12] f`, `[UNSEEN 12]`, `"args":["12"]`},
	{`* OK [APPENDUID 38505 3955:3957] g`, `[APPENDUID 38505 3955:3957]`, `"args":["38505","3955:3957"]`},
	{`* OK [COPYUID 38505 304,319:320 3956:3958] h`, `[COPYUID 38505 304,319:320 3956:3958]`, `"args":["38505","304,319:320","3956:3958"]`},
	{`* OK [HIGHESTMODSEQ 9223372036854775807] i`, `[HIGHESTMODSEQ 9223372036854775807]`, `"args":["9223372036854775807"]`},
	{`* OK [NOMODSEQ] j`, `[NOMODSEQ] j`, `{"name":"NOMODSEQ"}`},
	{`* OK [MODIFIED 7,9] k`, `[MODIFIED 7,9]`, `"args":["7,9"]`},
	{`* OK [CLOSED] l`, `[CLOSED] l`, `{"name":"CLOSED"}`},
	{`* NO [ALREADYEXISTS] m`, `[ALREADYEXISTS] m`, `{"name":"ALREADYEXISTS"}`},
	{`* OK [METADATA LONGENTRIES 2199] n`, `[METADATA LONGENTRIES 2199]`, `"args":["LONGENTRIES","2199"]`},
	{`* OK [MAILBOXID (F2212ea87-6097)] o`, `[MAILBOXID (F2212ea87-6097)]`, `"args":["(F2212ea87-6097)"]`},
	{`* OK [CAPABILITY IMAP4rev1 LITERAL+] p`, `[CAPABILITY IMAP4rev1 LITERAL+]`, `"args":["IMAP4rev1","LITERAL+"]`},
	{`* OK [REFERRAL imap://user;AUTH=*@SERVER2/] q`, `[REFERRAL imap://user;AUTH=*@SERVER2/]`, `imap://user;AUTH=*@SERVER2/`},
	{`* OK [X-PATH C:\dir  two] r`, `[X-PATH C:\dir  two] r`, `"raw":"C:\\dir  two"`},
	{`* OK [X-ODD "unclosed] s`, `[X-ODD "unclosed] s`, `"args":["\"unclosed"]`},
}

// TestCodesReachTextAndJSON: every response code's data shows in the
// rendered output and in --json, as sent.
func TestCodesReachTextAndJSON(t *testing.T) {
	var wire strings.Builder
	wire.WriteString("S: * PREAUTH ready\nC: A1 NOOP\n")
	for _, c := range codeLines {
		wire.WriteString("S: " + c.line + "\n")
	}
	wire.WriteString("S: A1 OK [X-PATH C:\\dir  two] tagged\nC: A2 LOGOUT\nS: * BYE\nS: A2 OK bye\n")
	for _, json := range []bool{false, true} {
		c, err := client.New(clienttest.Serve(t, wire.String()), nil)
		if err != nil {
			t.Fatal(err)
		}
		out := &lockedBuffer{}
		s := NewSession(Config{Stdout: out, Stderr: &lockedBuffer{}, JSON: json, Width: 200, History: history.Disabled()}, c, nil)
		s.Run(context.Background(), &scripted{lines: []string{"noop"}})
		for _, cl := range codeLines {
			want := cl.text
			if json {
				want = cl.json
			}
			if !strings.Contains(out.String(), want) {
				t.Errorf("json=%v: output lacks %s:\n%s", json, want, out)
			}
		}
		tagged := `[X-PATH C:\dir  two] tagged`
		if json {
			tagged = `"code":"X-PATH","code_args":["C:","\\dir","two"],"code_raw":"C:\\dir  two","text":"tagged"`
		}
		if !strings.Contains(out.String(), tagged) {
			t.Errorf("json=%v: output lacks the tagged code %s", json, tagged)
		}
	}
}
