package main

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"imapsh/internal/servers"
)

// TestBinarySaveAttachment: real Dovecot, a message with a base64 PDF-like
// attachment (every byte value) and a quoted-printable text part; save
// writes each decoded, the attachment under its own (RFC 2231) name by
// default, and the message stays unseen (BODY.PEEK).
func TestBinarySaveAttachment(t *testing.T) {
	s := servers.Dovecot(t)
	payload := make([]byte, 3000)
	for i := range payload {
		payload[i] = byte(i * 7)
	}
	encoded := base64.StdEncoding.EncodeToString(payload)
	var lines strings.Builder
	for len(encoded) > 76 {
		lines.WriteString(encoded[:76] + "\r\n")
		encoded = encoded[76:]
	}
	lines.WriteString(encoded + "\r\n")
	msg := "From: bob@example.org\r\nTo: alice@example.org\r\nSubject: report\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=XX\r\n\r\n" +
		"--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Gr=C3=BC=C3=9Fe, the report is attached.\r\n" +
		"--XX\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename*=utf-8''Bericht%20M%C3%A4rz.pdf\r\n\r\n" + lines.String() +
		"--XX--\r\n"
	s.Deliver(t, "alice", "INBOX", []byte(msg))
	dir := t.TempDir()
	env := append(testEnv(t), "IMAPSH_PASSWORD=alicepw")
	url := "imaps://alice@127.0.0.1:" + strconv.Itoa(s.IMAPSPort) + "/INBOX"
	r := imapshIn(t, dir, env, "", "--cafile", s.CAFile, url,
		"-c", "save 1 2", "-c", "uid save 1 1 note.txt", "-c", "fetch 1 FLAGS")
	if r.code != 0 {
		t.Fatal(r)
	}
	got, err := os.ReadFile(filepath.Join(dir, "Bericht März.pdf"))
	if err != nil || !bytes.Equal(got, payload) {
		t.Errorf("the attachment: %v, %d bytes, equal %v\n%s", err, len(got), bytes.Equal(got, payload), r)
	}
	// The CRLF before a boundary belongs to the boundary (RFC 2046).
	if note, _ := os.ReadFile(filepath.Join(dir, "note.txt")); string(note) != "Grüße, the report is attached." {
		t.Errorf("the text part: %q", note)
	}
	for _, want := range []string{`saved part 2 of message 1 (application/pdf "Bericht März.pdf", base64 decoded): 3000 bytes to Bericht März.pdf`,
		"saved part 1 of the message with UID 1 (text/plain, quoted-printable decoded)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q\n%s", want, r)
		}
	}
	if strings.Contains(r.stdout, `\Seen`) {
		t.Errorf("save set \\Seen:\n%s", r)
	}
}
