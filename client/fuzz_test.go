package client

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"imapsh/client/clienttest"
)

// fuzzConn is the client's connection in FuzzReadResponse: reads come
// from the fuzz input, writes vanish.
type fuzzConn struct{ r io.Reader }

func (f *fuzzConn) Read(p []byte) (int, error)  { return f.r.Read(p) }
func (f *fuzzConn) Write(p []byte) (int, error) { return len(p), nil }
func (f *fuzzConn) Close() error                { return nil }

// fuzzLimits keep every limit within reach of small inputs.
var fuzzLimits = Limits{MaxLine: 4096, MaxLiteral: 4096, MaxDepth: 8, MaxItems: 64}

// FuzzReadResponse plays arbitrary bytes as the server's side of a session
// after a greeting, while the client runs a cycle of commands (NOOP, a
// FETCH that streams one section, an APPEND that waits for "+", IDLE-free
// XATOMs). Invariants: no panic, no hang, only typed errors (*Error,
// *ProtocolError, *StateError after a BYE, ErrClosed, ErrBye), every Result and response usable,
// and memory bounded by the input size and the limits.
func FuzzReadResponse(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		src := io.MultiReader(strings.NewReader("* OK [CAPABILITY IMAP4rev1] hi\r\n"), bytes.NewReader(data))
		c, err := New(&fuzzConn{r: src}, &Options{Limits: fuzzLimits, AllowPlaintextAuth: true})
		if err != nil {
			t.Fatalf("greeting: %v", err)
		}
		c.state, c.mbox = StateSelected, &Mailbox{Name: "INBOX"}
		for i := 0; i < 12 && !c.closed.Load(); i++ {
			res, err := fuzzCommand(c, i)
			checkFuzzResult(t, res, err)
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(64*len(data))+2<<20 {
			t.Fatalf("%d input bytes made the client allocate %d bytes", len(data), grew)
		}
	})
}

// fuzzCommand runs the i-th command of the cycle.
func fuzzCommand(c *Client, i int) (*Result, error) {
	ctx := context.Background()
	switch i % 4 {
	case 0:
		return c.Noop(ctx)
	case 1:
		sink := func(seq uint32, section string, _ int64) interface{ Write([]byte) (int, error) } {
			if section == "TEXT" {
				return io.Discard
			}
			return nil
		}
		return c.Fetch(ctx, "1:*", "(UID BODY[TEXT] BODY[HEADER])", FetchOptions{Sink: sink})
	case 2:
		return c.Append(ctx, "INBOX", AppendMessage{Body: strings.NewReader("hello"), Size: 5})
	}
	return c.Xatom(ctx, "XFUZZ", "")
}

func checkFuzzResult(t *testing.T, res *Result, err error) {
	t.Helper()
	var serr *Error
	var perr *ProtocolError
	var stErr *StateError
	switch {
	case err == nil, errors.As(err, &serr), errors.As(err, &perr), errors.As(err, &stErr),
		errors.Is(err, ErrClosed), errors.Is(err, ErrBye):
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
	if res == nil {
		return
	}
	_ = res.OK()
	_ = res.Err()
	for _, r := range res.Responses {
		if r == nil {
			t.Fatal("nil response in Result")
		}
		_ = r.Kind()
		if m, ok := r.(*MalformedData); ok && m.Err == nil {
			t.Fatal("MalformedData without its error")
		}
	}
}

// fuzzSeeds are the server sides of every transcript: each S: line alone
// and all of a transcript's server lines after its greeting, in order.
func fuzzSeeds(f *testing.F) [][]byte {
	files, err := filepath.Glob("testdata/transcripts/*.txt")
	if err != nil || len(files) == 0 {
		f.Fatalf("no transcripts to seed from: %v", err)
	}
	var seeds [][]byte
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		lines := clienttest.ServerLines(string(src))
		if len(lines) < 2 {
			continue
		}
		seeds = append(seeds, bytes.Join(lines[1:], nil))
		seeds = append(seeds, lines[1:]...)
	}
	return seeds
}
