package wire

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// render shows a command as it would go on the wire, literals as
// {n}+data and secret parts marked, so tests can compare one string.
func render(t *testing.T, c *Command) string {
	t.Helper()
	var b strings.Builder
	for _, p := range c.Parts {
		if p.Secret {
			b.WriteString("<secret>")
		}
		if p.Literal == nil {
			b.Write(p.Text)
			continue
		}
		data, err := io.ReadAll(p.Literal)
		if err != nil || int64(len(data)) != p.Size {
			t.Fatalf("literal: %d bytes, size %d, err %v", len(data), p.Size, err)
		}
		if p.Binary {
			b.WriteByte('~')
		}
		b.WriteString("{" + strconv.FormatInt(p.Size, 10) + "}" + string(data))
	}
	return b.String()
}

func TestAStringForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"INBOX", "INBOX"},
		{"a]b", "a]b"},
		{"", `""`},
		{"two words", `"two words"`},
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash`, `"back\\slash"`},
		{"50%", `"50%"`},
		{"star*", `"star*"`},
		{"(paren", `"(paren"`},
		{"{5}", `"{5}"`},
		{"Grüße", "{7}Grüße"},
		{"pass\"wörd", "{10}pass\"wörd"},
		{"a\r\nb", "{4}a\r\nb"},
		{"nul\x00", "{4}nul\x00"},
		{"lf\n", "{3}lf\n"},
		{strings.Repeat("x", 5000) + " ", "{5001}" + strings.Repeat("x", 5000) + " "},
	}
	for _, tt := range tests {
		c := (&Command{}).AString(tt.in)
		if got := render(t, c); got != tt.want || c.Err() != nil {
			t.Errorf("AString(%q) = %q (err %v), want %q", tt.in, got, c.Err(), tt.want)
		}
	}
}

func TestStringNeverAtom(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", `"abc"`},
		{"ü", "{2}ü"},
		{"x\ry", "{3}x\ry"},
	}
	for _, tt := range tests {
		if got := render(t, (&Command{}).String(tt.in)); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	v := "v"
	if got := render(t, (&Command{}).NString(nil).SP().NString(&v)); got != `NIL "v"` {
		t.Errorf("NString: %q", got)
	}
}

func TestInlineRefusesLineBreaks(t *testing.T) {
	tests := []struct {
		name  string
		build func(*Command)
	}{
		{"atom CR", func(c *Command) { c.Atom("a\rb") }},
		{"atom LF", func(c *Command) { c.Atom("a\nb") }},
		{"atom NUL", func(c *Command) { c.Atom("a\x00") }},
		{"atom space", func(c *Command) { c.Atom("a b") }},
		{"atom empty", func(c *Command) { c.Atom("") }},
		{"raw CRLF", func(c *Command) { c.Raw("x\r\nA2 DELETE INBOX") }},
		{"raw NUL", func(c *Command) { c.Raw("\x00") }},
		{"rawargs LF outside quotes", func(c *Command) { c.RawArgs("ALL\nA2 LOGOUT") }},
		{"rawargs unterminated quote", func(c *Command) { c.RawArgs(`SUBJECT "abc`) }},
	}
	for _, tt := range tests {
		c := &Command{}
		tt.build(c)
		if !errors.Is(c.Err(), ErrUnsafeArgument) {
			t.Errorf("%s: err %v, want ErrUnsafeArgument", tt.name, c.Err())
		}
		for _, p := range c.Parts {
			if p.Literal == nil && strings.ContainsAny(string(p.Text), "\r\n\x00") {
				t.Errorf("%s: inline part %q", tt.name, p.Text)
			}
		}
	}
}

func TestRawArgs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])"},
		{`SUBJECT "hello world" FROM bob`, `SUBJECT "hello world" FROM bob`},
		{`SUBJECT "a\"b"`, `SUBJECT "a\"b"`},
		{`SUBJECT "Grüße"`, "SUBJECT {7}Grüße"},
		{`TEXT "line\` + "\r" + `"`, "TEXT {5}line\r"},
		{`X ""`, `X ""`},
	}
	for _, tt := range tests {
		c := (&Command{}).RawArgs(tt.in)
		if got := render(t, c); got != tt.want || c.Err() != nil {
			t.Errorf("RawArgs(%q) = %q (err %v), want %q", tt.in, got, c.Err(), tt.want)
		}
	}
}

// TestSearchArgs: an unquoted 8-bit word is not an atom; it goes as a
// string (a literal, or quoted in UTF-8 mode), and the rest as typed.
func TestSearchArgs(t *testing.T) {
	tests := []struct {
		in   string
		utf8 bool
		want string
	}{
		{"SUBJECT Grüße", false, "SUBJECT {7}Grüße"},
		{"SUBJECT Grüße", true, `SUBJECT "Grüße"`},
		{"(OR SUBJECT Grüße FROM Jörg) UNSEEN", true, `(OR SUBJECT "Grüße" FROM "Jörg") UNSEEN`},
		{`SUBJECT "Grüße" BODY Köln`, true, `SUBJECT "Grüße" BODY "Köln"`},
		{"UNSEEN FROM alice 1:5", false, "UNSEEN FROM alice 1:5"},
		{"SUBJECT a\xffb", true, "SUBJECT {3}a\xffb"}, // not UTF-8: a literal even then
	}
	for _, tt := range tests {
		c := (&Command{UTF8: tt.utf8}).SearchArgs(tt.in)
		if got := render(t, c); got != tt.want || c.Err() != nil {
			t.Errorf("SearchArgs(%q) UTF8=%v = %q (err %v), want %q", tt.in, tt.utf8, got, c.Err(), tt.want)
		}
	}
	if c := (&Command{}).SearchArgs("TEXT {4}"); c.Err() == nil {
		t.Error("SearchArgs accepted a literal marker")
	}
}

func TestSecretParts(t *testing.T) {
	c := (&Command{}).Atom("alice").SP()
	c.Secret(func(c *Command) { c.AString("pass word") })
	c.SP().Atom("after")
	var secret, plain []string
	for _, p := range c.Parts {
		if p.Secret {
			secret = append(secret, string(p.Text))
		} else {
			plain = append(plain, string(p.Text))
		}
	}
	if strings.Join(secret, "") != `"pass word"` || strings.Contains(strings.Join(plain, ""), "pass") {
		t.Errorf("secret %q plain %q", secret, plain)
	}
	lit := (&Command{}).Secret(func(c *Command) { c.AString("pässword") })
	if len(lit.Parts) != 1 || !lit.Parts[0].Secret || lit.Parts[0].Literal == nil {
		t.Errorf("8-bit secret: %+v", lit.Parts)
	}
}

func TestStringUTF8Mode(t *testing.T) {
	tests := []struct {
		in   string
		utf8 bool
		want string
	}{
		{"Grüße", false, "{7}Grüße"},
		{"Grüße", true, `"Grüße"`},
		{"日本語", true, `"日本語"`},
		{"\xc3", true, "{1}\xc3"}, // a cut UTF-8 sequence
		{"a\r\nb", true, "{4}a\r\nb"},
	}
	for _, tt := range tests {
		if got := render(t, (&Command{UTF8: tt.utf8}).String(tt.in)); got != tt.want {
			t.Errorf("String(%q) with UTF8=%v = %q, want %q", tt.in, tt.utf8, got, tt.want)
		}
	}
}

func TestLiteralReaderBinary(t *testing.T) {
	c := (&Command{}).LiteralReader(strings.NewReader("\x00bin"), 4, true)
	if got := render(t, c); got != "~{4}\x00bin" {
		t.Errorf("got %q", got)
	}
}

func TestMailboxArgument(t *testing.T) {
	tests := []struct {
		in   string
		utf8 bool
		want string
	}{
		{"INBOX", false, "INBOX"},
		{"Ärger & Co", false, `"&AMQ-rger &- Co"`},
		{"Lab/Ünïcødé/日本語", false, "Lab/&ANw-n&AO8-c&APg-d&AOk-/&ZeVnLIqe-"},
		// UTF-8 mode (RFC 6855 section 3): UTF-8 in a quoted string, no
		// literal and so no round trip; "&" is just a character.
		{"Ärger", true, `"Ärger"`},
		{"INBOX.A&AOQ-B", true, "INBOX.A&AOQ-B"},
		{"Ärger & Co", true, `"Ärger & Co"`},
		{`Quote"Ä`, true, `"Quote\"Ä"`},
		{"bad\xffUTF-8", true, "{9}bad\xffUTF-8"},
		{"line\nbreak", true, "{10}line\nbreak"},
	}
	for _, tt := range tests {
		if got := render(t, (&Command{UTF8: tt.utf8}).Mailbox(tt.in)); got != tt.want {
			t.Errorf("Mailbox(%q, %v) = %q, want %q", tt.in, tt.utf8, got, tt.want)
		}
	}
}

func TestSafeCommandName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"NOOP", true}, {"UID FETCH", true}, {"X-FOO", true},
		{"", false}, {"NOOP\r\nA2 LOGOUT", false}, {"A  B", false}, {"NO(OP", false}, {"ÜBER", false},
	}
	for _, tt := range tests {
		if got := SafeCommandName(tt.name); got != tt.ok {
			t.Errorf("SafeCommandName(%q) = %v", tt.name, got)
		}
	}
}

func TestQuote(t *testing.T) {
	if q := render(t, (&Command{}).String(`a"b`)); q != `"a\"b"` {
		t.Errorf("String(a\"b) = %q", q)
	}
	if c := (&Command{}).String("é"); len(c.Parts) != 1 || c.Parts[0].Literal == nil {
		t.Error("8-bit text quoted instead of sent as a literal")
	}
}

// TestRawArgsRefuses: typed text that would change the command's framing
// is refused: a bare CR/LF/NUL, an unterminated quote, a literal marker.
func TestRawArgsRefuses(t *testing.T) {
	for _, in := range []string{"TEXT {4+}", "TEXT {4}", "TEXT ~{12}", "A\r\nB", "X \"open", "a\x00b"} {
		if c := (&Command{}).RawArgs(in); c.Err() == nil {
			t.Errorf("RawArgs(%q) accepted", in)
		}
	}
	for _, in := range []string{`TEXT "{4}"`, "TEXT {x}", "BODY[1.{2]", "TEXT {}"} {
		if c := (&Command{}).RawArgs(in); c.Err() != nil {
			t.Errorf("RawArgs(%q) refused: %v", in, c.Err())
		}
	}
}
