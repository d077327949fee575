package repl

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestAppendBareLF: a message file saved with bare LF line ends (any
// editor on Unix) is sent with CRLF, as RFC 5322 and IMAP want it and as
// imaplib's append does; the literal's size counts the added CRs. Before,
// it went as it was, and Cyrus refused it: "NO Message contains bare
// newlines". A file already in CRLF, or with a lone CR, goes unchanged.
func TestAppendBareLF(t *testing.T) {
	dir := t.TempDir()
	lf, crlf := filepath.Join(dir, "lf.eml"), filepath.Join(dir, "crlf.eml")
	if err := os.WriteFile(lf, []byte("Subject: a\n\nb\r\nc\rd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crlf, []byte("Subject: a\r\n\r\nb\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	transcript := "S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready\n" +
		"C: A1 APPEND INBOX {22+}\n" +
		"Cx: Subject: a\\r\\n\\r\\nb\\r\\nc\\rd\\r\\n\\c\n" + "C: \nS: A1 OK done\n" +
		"C: A2 APPEND INBOX {17+}\n" +
		"Cx: Subject: a\\r\\n\\r\\nb\\r\\n\\c\n" + "C: \nS: A2 OK done\n" +
		"C: A3 LOGOUT\nS: * BYE\nS: A3 OK bye\n"
	s, _, out := fakeSession(t, transcript, func(c *Config) { c.ContinueOnError = false })
	s.Run(context.Background(), &scripted{lines: []string{"append INBOX < " + lf, "append INBOX < " + crlf}})
	if s.failures != 0 {
		t.Errorf("%d failures:\n%s", s.failures, out)
	}
}

// TestCRLFReader: the reader's output, read a byte at a time (a CR given
// for a bare LF at the end of one Read, its LF in the next), has CRLF
// line ends only, and countBareLF says by how much it grew.
func TestCRLFReader(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		"a\nb":        "a\r\nb",
		"\n\n":        "\r\n\r\n",
		"a\r\nb\n":    "a\r\nb\r\n",
		"\r\r\n\n\r":  "\r\r\n\r\n\r",
		"x\ry\n\r\nz": "x\ry\r\n\r\nz",
	} {
		got, err := io.ReadAll(iotest.OneByteReader(&crlfReader{r: bufio.NewReader(strings.NewReader(in))}))
		n, cerr := countBareLF(strings.NewReader(in))
		if err != nil || cerr != nil || string(got) != want || int64(len(in))+n != int64(len(want)) {
			t.Errorf("%q: got %q (%v), %d bare LF (%v), want %q", in, got, err, n, cerr, want)
		}
	}
}
