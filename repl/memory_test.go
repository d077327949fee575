package repl

import (
	"encoding/json"
	"io"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// floodSession is a session against a Flood server (PREAUTH), with the
// client's options and the session's output captured.
func floodSession(t *testing.T, answers map[string][]clienttest.Answer, opts *client.Options, json bool) *harness {
	t.Helper()
	srv := &clienttest.Flood{Answers: answers}
	tap := NewWireTap(nil)
	if opts == nil {
		opts = &client.Options{}
	}
	opts.Trace = tap
	c, err := client.New(srv.Serve(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	h := &harness{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	cfg := Config{Stdout: h.stdout, Stderr: h.stderr, Width: 80, Tap: tap, JSON: json}
	h.sess = NewSession(cfg, c, &Target{URL: "imap://flood", Security: client.Plaintext, Host: "127.0.0.1"})
	return h
}

func selectAnswer(w io.Writer, tag string) error {
	_, err := io.WriteString(w, "* 300 EXISTS\r\n"+tag+" OK [READ-WRITE] selected\r\n")
	return err
}

// The shell shows what a flood left out, in text and in JSON, and the
// next command works.
func TestDroppedNotes(t *testing.T) {
	alerts := clienttest.Lines("* OK [ALERT] disk on fire", 1500)
	lists := clienttest.Lines(`* LIST () "/" "`+strings.Repeat("m", 500)+`"`, 10_000)
	answers := map[string][]clienttest.Answer{"NOOP": {alerts}, "LIST": {lists}}
	t.Run("text", func(t *testing.T) {
		h := floodSession(t, answers, &client.Options{MaxCommandMemory: 1 << 20}, false)
		if code := h.run("noop", "list", "noop"); code != ExitOK {
			t.Fatalf("exit %d\n%s", code, h.stderr)
		}
		for _, want := range []string{
			"note: not kept: 500 more unsolicited OK responses (",
			"); the first 1000 are shown",
			"warning: not kept: ",
			" LIST responses (",
			"), over the command's memory budget",
			"hint: the budget is 1 MiB per command; --max-command-memory raises it",
		} {
			if !strings.Contains(h.stderr.String(), want) {
				t.Errorf("stderr lacks %q:\n%s", want, h.stderr)
			}
		}
		if n := strings.Count(h.stdout.String(), "ALERT: disk on fire"); n != 1000 {
			t.Errorf("%d ALERTs shown, want the first 1000", n)
		}
		if out := h.stdout.String(); !strings.HasSuffix(out, "OK done\n") {
			t.Errorf("the last NOOP's answer is missing:\n%s", out[max(0, len(out)-300):])
		}
	})
	t.Run("json", func(t *testing.T) {
		h := floodSession(t, answers, nil, true)
		if code := h.run("noop"); code != ExitOK {
			t.Fatalf("exit %d\n%s", code, h.stderr)
		}
		var obj struct {
			Responses []json.RawMessage
			Dropped   []struct {
				Kind, Reason string
				Count        int
				Bytes        int64
			}
		}
		if err := json.Unmarshal([]byte(h.stdout.String()), &obj); err != nil {
			t.Fatal(err)
		}
		if len(obj.Responses) != 1000 || len(obj.Dropped) != 1 {
			t.Fatalf("%d responses, dropped %+v", len(obj.Responses), obj.Dropped)
		}
		if d := obj.Dropped[0]; d.Kind != "OK" || d.Reason != "unsolicited" || d.Count != 500 || d.Bytes <= 0 {
			t.Errorf("dropped %+v", d)
		}
		// Every alert reaches stderr too (RFC 9051 7.1), one flood as one line.
		if got, want := h.stderr.String(), "alert: disk on fire (NOOP) ×1500\n"; got != want {
			t.Errorf("stderr in JSON mode: %q, want %q", got, want)
		}
	})
}

// A FETCH shown as it comes holds back messages to size its table, but
// not more than maxHeld bytes of them: a server sending huge envelopes
// does not make the shell hold a chunk of them.
func TestStreamedFetchHoldsLittle(t *testing.T) {
	addrs := strings.Repeat(`(NIL NIL "a" "example.org")`, 10_000)
	line := `* 1 FETCH (UID 1 ENVELOPE (NIL "hi" (` + addrs + `) NIL NIL NIL NIL NIL NIL NIL))`
	h := floodSession(t, map[string][]clienttest.Answer{
		"SELECT": {selectAnswer}, "FETCH": {clienttest.Lines(line, 100)},
	}, nil, false)
	var code int
	peak := peakHeap(func() { code = h.run("select INBOX", "fetch 1:100 (UID ENVELOPE)", "noop") })
	t.Logf("peak %.1f MiB", float64(peak)/(1<<20))
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stderr)
	}
	if peak > 64<<20 { // about 150 MiB when the shell held the whole first chunk
		t.Errorf("peak heap %.1f MiB, want under 64 MiB", float64(peak)/(1<<20))
	}
	if n := len(regexp.MustCompile(`(?m)^ *1 +1 +a@example.org +hi$`).FindAllString(h.stdout.String(), -1)); n != 100 {
		t.Errorf("%d rows shown, want 100", n)
	}
}

// peakHeap returns the largest growth of the heap while f runs, sampled
// every 100 µs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	base := heapObjects()
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			peak.Store(max(peak.Load(), heapObjects()))
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	return max(peak.Load(), base) - base
}

func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
