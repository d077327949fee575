package redact

import (
	"strconv"
	"strings"
	"testing"
)

// fuzzPrefixes are the words a LOGIN may follow: nothing, a tag, the shell's
// raw/xatom words, a trace marker.
var fuzzPrefixes = []string{"", "A1", "raw a", "xatom", "raw", "C: A001", "tag raw A1"}

var fuzzCommandWords = []string{"LOGIN", "login", "LoGiN"}

// imapForm writes s as an IMAP astring: 0 atom, 1 quoted, 2 literal. Forms
// that cannot carry s fall back to the next one.
func imapForm(form uint8, s string) string {
	switch form % 3 {
	case 0:
		if s != "" && !strings.ContainsAny(s, " \t\r\n\"{\\") && strings.IndexFunc(s, isCtl) < 0 {
			return s
		}
		fallthrough
	case 1:
		if !strings.ContainsAny(s, "\r\n") {
			return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
		}
	}
	return "{" + strconv.Itoa(len(s)) + "}\r\n" + s
}

func isCtl(r rune) bool { return r < 0x20 || r == 0x7f }

// FuzzRaw checks that for "PREFIX LOGIN user SECRET" the output never
// holds SECRET, whatever SECRET is and however user and SECRET are written.
func FuzzRaw(f *testing.F) {
	f.Add(uint8(0), uint8(0), "alice", uint8(0), "secret")
	f.Add(uint8(2), uint8(1), "alice smith", uint8(1), `s "e" c`)
	f.Add(uint8(5), uint8(2), "al\r\nice", uint8(2), "se\r\ncret")
	f.Add(uint8(3), uint8(0), "bob", uint8(3), "pass word\nA2 LOGIN x")
	f.Fuzz(func(t *testing.T, prefix, userForm uint8, user string, secretForm uint8, secret string) {
		head := fuzzPrefixes[int(prefix)%len(fuzzPrefixes)] + " " +
			fuzzCommandWords[int(prefix)%len(fuzzCommandWords)] + " " + imapForm(userForm, user)
		var encoded string
		if secretForm%4 == 3 {
			encoded = secret // typed bare, spaces, quotes and all
		} else {
			encoded = imapForm(secretForm, secret)
		}
		out := Raw(head + " " + encoded)
		if len(secret) < 4 || strings.Contains(head+" "+Mask, secret) || strings.TrimSpace(secret) == "" {
			return
		}
		if strings.Contains(out, secret) || strings.Contains(out, encoded) {
			t.Fatalf("secret %q leaked: %q", secret, out)
		}
		if !strings.ContainsAny(secret, "\r\n") && out != head+" "+Mask {
			t.Fatalf("got %q, want %q", out, head+" "+Mask)
		}
	})
}
