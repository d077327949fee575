package main

import (
	"bytes"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMailGenMessagesParse: every generated message is a valid RFC 5322
// message whose envelope headers are there, the mix has encoded words,
// replies and flags, and the same seed gives the same messages.
func TestMailGenMessagesParse(t *testing.T) {
	g, again := newMailGen(7), newMailGen(7)
	var encoded, replies, seen int
	for i := range 2000 {
		m := g.message(i)
		if !bytes.Equal(m.Data, again.message(i).Data) {
			t.Fatalf("message %d differs for the same seed", i)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
		if err != nil {
			t.Fatalf("message %d: %v\n%s", i, err, m.Data)
		}
		for _, h := range []string{"Date", "From", "To", "Subject", "Message-ID"} {
			if msg.Header.Get(h) == "" {
				t.Fatalf("message %d lacks %s", i, h)
			}
		}
		if _, err := msg.Header.AddressList("From"); err != nil {
			t.Fatalf("message %d From: %v", i, err)
		}
		if strings.Contains(string(m.Data), "=?UTF-8?") {
			encoded++
		}
		if msg.Header.Get("In-Reply-To") != "" {
			replies++
		}
		if strings.Contains(m.Flags, "S") {
			seen++
		}
	}
	if encoded < 400 || replies < 100 || seen < 1200 {
		t.Errorf("mix of 2000: %d with encoded words, %d replies, %d seen; want about 600, 200, 1400", encoded, replies, seen)
	}
}

// TestFillMaildir: the files land in cur/ with S= and W= sizes that match
// their contents, and the large message is last and large.
func TestFillMaildir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "home", "Maildir", "box")
	if err := fillMaildir(maildirFill{Dir: dir, N: 20, Seed: 1, LargeMiB: 1, UID: -1, GID: -1}); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"new", "tmp"} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			t.Error(err)
		}
	}
	files, err := os.ReadDir(filepath.Join(dir, "cur"))
	if err != nil || len(files) != 20 {
		t.Fatalf("%d files, %v; want 20", len(files), err)
	}
	large := 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, "cur", f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want := ",S=" + strconv.Itoa(len(data)) + ",W=" + strconv.Itoa(len(data)+bytes.Count(data, []byte("\n"))) + ":2,"
		if !strings.Contains(f.Name(), want) {
			t.Errorf("%s: want %s in the name", f.Name(), want)
		}
		if len(data) > 1<<20 {
			large++
		}
	}
	if large != 1 {
		t.Errorf("%d messages over 1 MiB, want the one large message", large)
	}
}
