package client_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// transcriptCase drives a client through one transcript of
// testdata/transcripts and asserts the typed results; the fake server
// checks the exact bytes. The key is the file name without ".txt".
type transcriptCase func(t *testing.T, c *client.Client, trace *lockedBuffer)

// transcriptCases joins the per-command and per-quirk tables.
func transcriptCases() map[string]transcriptCase {
	all := map[string]transcriptCase{}
	for _, m := range []map[string]transcriptCase{commandCases, quirkCases, alertCases, courierCases} {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}

// TestTranscripts plays every transcript file. A file without a Go case
// is replayed generically: each tagged C: line is sent with Xatom and must
// succeed, so adding a file always adds a test.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/transcripts/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	cases := transcriptCases()
	seen := map[string]bool{}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			trace := &lockedBuffer{}
			conn := clienttest.ServeFile(t, path)
			c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true, Trace: client.TextTrace(trace)})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if run, ok := cases[name]; ok {
				run(t, c, trace)
			} else {
				replayGeneric(t, c, path)
			}
		})
	}
	for name := range cases {
		if !seen[name] {
			t.Errorf("case %q has no testdata/transcripts/%s.txt", name, name)
		}
	}
}

// replayGeneric sends each tagged client line of a transcript via Xatom.
func replayGeneric(t *testing.T, c *client.Client, path string) {
	steps, err := clienttest.ParseTranscript(string(mustRead(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		line := strings.TrimSuffix(string(s.Data), "\r\n")
		tag, rest, ok := strings.Cut(line, " ")
		if s.Kind != clienttest.KindExpect || !ok || !strings.HasPrefix(tag, "A") {
			continue
		}
		name, args, _ := strings.Cut(rest, " ")
		if _, err := c.Xatom(context.Background(), name, args); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
}

// lockedBuffer is a buffer the IDLE goroutine may share with the test.
type lockedBuffer = clienttest.Buffer

// must returns a function that fails the test on an error or a status
// other than OK, and returns the result: must(t)(c.Noop(ctx)).
func must(t *testing.T) func(*client.Result, error) *client.Result {
	return func(res *client.Result, err error) *client.Result {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		if !res.OK() {
			t.Fatalf("status %+v", res.Status)
		}
		return res
	}
}

// only returns the single response of type T in res.
func only[T client.Response](t *testing.T, res *client.Result) T {
	t.Helper()
	got := client.Of[T](res)
	if len(got) != 1 {
		var zero T
		t.Fatalf("%d responses of type %T in %s, want 1", len(got), zero, describe(res))
	}
	return got[0]
}

// serverError asserts err is a server NO/BAD with the given status and code.
func serverError(t *testing.T, err error, status, code string) *client.Error {
	t.Helper()
	var e *client.Error
	if !errors.As(err, &e) {
		t.Fatalf("err %v (%T), want *client.Error", err, err)
	}
	gotCode := ""
	if e.Code != nil {
		gotCode = e.Code.Name
	}
	if e.Status != status || gotCode != code {
		t.Fatalf("got %s [%s], want %s [%s]", e.Status, gotCode, status, code)
	}
	return e
}

func describe(res *client.Result) string {
	if res == nil {
		return "<nil result>"
	}
	var kinds []string
	for _, r := range res.Responses {
		kinds = append(kinds, r.Kind())
	}
	return res.Command + "[" + strings.Join(kinds, " ") + "]"
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func eqStrings(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
