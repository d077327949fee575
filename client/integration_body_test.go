package client_test

// Integration tests against real Dovecot and Cyrus: large bodies streamed to files.
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"imapsh/client"
)

func testLargeBodySink(t *testing.T, l *lab) {
	msg := labLargeMessage(20 << 20)
	want := sha256.Sum256(msg)
	name := l.box("T-large")
	l.Deliver(t, "alice", l.box("T-large"), msg)
	c := l.user(t, "alice")
	labMust(t)(c.Select(t.Context(), name, client.SelectOptions{ReadOnly: true}))
	out, err := os.Create(filepath.Join(t.TempDir(), "body.eml"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sink := func(seq uint32, section string, _ int64) interface{ Write([]byte) (int, error) } {
		if seq == 1 && section == "" {
			return out
		}
		return nil
	}
	msg = nil

	// Measure with the rest of the tests paused.
	memoryQuiet.RUnlock()
	memoryQuiet.Lock()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := c.Fetch(t.Context(), "1", "(BODY.PEEK[])", client.FetchOptions{Sink: sink})
	runtime.ReadMemStats(&after)
	memoryQuiet.Unlock()
	memoryQuiet.RLock()

	labMust(t)(res, err)
	f := labOne[*client.FetchData](t, res)
	if len(f.Sections) != 1 || f.Sections[0].Data != nil || f.Sections[0].Streamed < 20<<20 {
		t.Fatalf("sections %+v", f.Sections)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("streamed %d bytes: allocated %d KiB, heap in use grew %d KiB", f.Sections[0].Streamed, allocated>>10, grown>>10)
	if allocated > 4<<20 || grown > 4<<20 {
		t.Errorf("streaming 20 MB allocated %d bytes and grew the heap by %d: the body was buffered", allocated, grown)
	}
	if _, err := out.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	n, err := io.Copy(h, out)
	if err != nil {
		t.Fatal(err)
	}
	if n != f.Sections[0].Streamed || !bytes.Equal(h.Sum(nil), want[:]) {
		t.Fatalf("file holds %d bytes (Streamed %d) and a different SHA-256 than the delivered message", n, f.Sections[0].Streamed)
	}
}

// largeMessage is a message with a base64 attachment of about size bytes.
func labLargeMessage(size int) []byte {
	var b bytes.Buffer
	b.WriteString("From: Bob <bob@lab.example>\r\nTo: alice@lab.example\r\nSubject: big attachment\r\n" +
		"Date: Mon, 01 Jan 2024 12:00:00 +0000\r\nMessage-ID: <large@lab.example>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n" +
		"--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=\"data.bin\"\r\n\r\n")
	chunk := make([]byte, 57)
	for i := 0; b.Len() < size; i++ {
		for j := range chunk {
			chunk[j] = byte(i*31 + j*7)
		}
		b.WriteString(base64.StdEncoding.EncodeToString(chunk))
		b.WriteString("\r\n")
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
}

func labB64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
