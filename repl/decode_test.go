package repl

import (
	"strings"
	"testing"
)

// TestDecodedOnTerminalOnly: on a terminal a quoted-printable message
// reads decoded, marked so; piped output, --raw and > FILE keep the bytes
// as sent (issue 11, "decoding for reading").
func TestDecodedOnTerminalOnly(t *testing.T) {
	for _, tt := range []struct {
		name          string
		configure     func(*Config)
		want, notWant string
	}{
		{"terminal", nil, "(MIME words decoded, quoted-printable decoded)", "=C3=BC"},
		{"piped", func(c *Config) { c.Piped = true }, "Gr=C3=BC=C3=9Fe", "decoded"},
		{"raw", func(c *Config) { c.Raw = true }, "Gr=C3=BC=C3=9Fe", "decoded"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.configure)
			h.run("login demo demo", "select INBOX", "fetch 2 BODY.PEEK[]")
			out := h.stdout.String()
			if !strings.Contains(out, tt.want) || strings.Contains(out, tt.notWant) {
				t.Errorf("stdout should hold %q and not %q:\n%s", tt.want, tt.notWant, out)
			}
		})
	}
}

// TestJSONDecodedBesideRaw: --json keeps "data" as sent and adds the
// decoded text and how, piped or not.
func TestJSONDecodedBesideRaw(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.JSON, c.Piped = true, true })
	h.run("login demo demo", "select INBOX", "fetch 11 (BODYSTRUCTURE BODY.PEEK[1])", "fetch 1 BODY.PEEK[1]")
	lines := strings.Split(strings.TrimSpace(h.stdout.String()), "\n")
	want := `"data":"Anbei die =C3=9Cbersicht als Bin=C3=A4rdatei.","decoded":"Anbei die Übersicht als Binärdatei.","decoded_how":"quoted-printable decoded"`
	if len(lines) < 2 || !strings.Contains(lines[len(lines)-2], want) {
		t.Errorf("the FETCH object lacks %s:\n%s", want, h.stdout)
	}
	if strings.Contains(lines[len(lines)-1], "decoded") {
		t.Errorf("a 7bit section without a structure got decoded fields:\n%s", lines[len(lines)-1])
	}
}
