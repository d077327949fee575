package repl

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"imapsh/client/clienttest"
)

// rowRE matches a row of a FETCH (UID ...) table: sequence number, UID.
// (The demo server orders several flags at random: the tests fetch sizes.)
var rowRE = regexp.MustCompile(`(?m)^ *([0-9]+) +[0-9]+( |$)`)

// withChunks lowers the streamed table's chunk sizes for one test.
func withChunks(t *testing.T, first, later int) {
	f, l := firstChunk, laterChunk
	firstChunk, laterChunk = first, later
	t.Cleanup(func() { firstChunk, laterChunk = f, l })
}

// rowNumbers returns the sequence numbers of the table rows in out.
func rowNumbers(out string) []string {
	var nums []string
	for _, m := range rowRE.FindAllStringSubmatch(out, -1) {
		nums = append(nums, m[1])
	}
	return nums
}

// TestFetchStreamsOneTable: a FETCH longer than the first chunk is one
// table whose rows all line up under the header picked from the first
// rows; a terminal sees the header again every laterChunk rows, a file or
// a pipe once.
func TestFetchStreamsOneTable(t *testing.T) {
	for _, tt := range []struct {
		piped   bool
		headers int
	}{{false, 5}, {true, 1}} {
		t.Run(fmt.Sprint("piped=", tt.piped), func(t *testing.T) {
			withChunks(t, 3, 5)
			h := newHarness(t, func(c *Config) { c.Piped = tt.piped })
			code := h.run("login demo demo", "examine INBOX", "fetch 1:* (UID RFC822.SIZE)",
				`\expect count FETCH 23`, `\expect exists 23`, `\expect ok`)
			if code != ExitOK {
				t.Fatalf("exit %d\n%s", code, h.stderr)
			}
			out := h.stdout.String()
			var want []string
			for i := 1; i <= 23; i++ {
				want = append(want, fmt.Sprint(i))
			}
			if got := rowNumbers(out); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("rows %v, want 1..23 once each in order:\n%s", got, out)
			}
			headers := regexp.MustCompile(`(?m)^ *# +UID +SIZE$`).FindAllString(out, -1)
			if len(headers) != tt.headers {
				t.Errorf("%d table headers, want %d:\n%s", len(headers), tt.headers, out)
			}
			// "#" and UID are as wide as EXISTS and UIDNEXT-1 from the first row on
			rows := regexp.MustCompile(`(?m)^ *[0-9]+ +[0-9]+ +[0-9.]+ [KMG]?i?B$`).FindAllString(out, -1)
			for _, r := range append(rows, headers...) {
				if len(r) != len(headers[0]) {
					t.Errorf("row %q is %d wide, the header %d:\n%s", r, len(r), len(headers[0]), out)
				}
			}
			if !strings.HasSuffix(out, "OK FETCH completed\n") {
				t.Errorf("the status line does not end the output:\n%s", out)
			}
		})
	}
}

// TestStreamedFetchLooksBuffered checks that a FETCH within one chunk, or
// one shown as blocks, renders exactly as the buffered (pipelined) path.
func TestStreamedFetchLooksBuffered(t *testing.T) {
	for _, fetch := range []string{
		"fetch 1:* (UID RFC822.SIZE)",
		"fetch 1:4 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])",
		"fetch 2 (UID RFC822.SIZE)",
	} {
		t.Run(fetch, func(t *testing.T) {
			outputs := map[bool]string{}
			for _, pipelined := range []bool{false, true} {
				h := newHarness(t, func(c *Config) { c.Pipeline = pipelined })
				if code := h.run("login demo demo", "examine INBOX", fetch, "noop"); code != ExitOK {
					t.Fatalf("exit %d\n%s", code, h.stderr)
				}
				outputs[pipelined] = h.stdout.String()
			}
			if outputs[false] != outputs[true] {
				t.Errorf("streamed:\n%s\nbuffered:\n%s", outputs[false], outputs[true])
			}
		})
	}
}

// cancellingOutput stops the running command (as Ctrl-C does) once its
// output holds after lines matching re.
type cancellingOutput struct {
	clienttest.Buffer
	mu     sync.Mutex
	re     *regexp.Regexp
	after  int
	seen   int
	cancel context.CancelFunc
}

func (c *cancellingOutput) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen += len(c.re.FindAll(p, -1))
	if c.seen >= c.after && c.cancel != nil {
		c.cancel()
		c.cancel = nil
	}
	return c.Buffer.Write(p)
}

// runInterrupting runs lines; out may cancel the third one (a FETCH).
func runInterrupting(h *harness, out *cancellingOutput, lines ...string) {
	src := &scripted{lines: lines}
	h.sess.interrupts = func(press func()) func() {
		if src.next == 3 {
			out.mu.Lock()
			out.cancel = press
			out.mu.Unlock()
		}
		return func() {}
	}
	h.sess.Run(context.Background(), src)
}

func TestInterruptStopsPrintingFetch(t *testing.T) {
	withChunks(t, 2, 2)
	out := &cancellingOutput{re: rowRE, after: 4}
	h := newHarness(t, func(c *Config) { c.Stdout = out })
	runInterrupting(h, out, "login demo demo", "examine INBOX", "fetch 1:* (UID RFC822.SIZE)", "fetch 23 (UID RFC822.SIZE)")
	got := rowNumbers(out.String())
	if strings.Join(got, " ") != "1 2 3 4" || !strings.Contains(out.String(), "\n#23 uid 23 ") {
		t.Errorf("rows %v, want 1 2 3 4 (then cancelled), then #23 from the next command:\n%s", got, out)
	}
	if !strings.Contains(h.stderr.String(), "interrupted") {
		t.Errorf("no interrupted note: %s", h.stderr)
	}
}

func TestInterruptKeepsJSONValid(t *testing.T) {
	out := &cancellingOutput{re: regexp.MustCompile(`"kind":"FETCH"`), after: 3}
	h := newHarness(t, func(c *Config) { c.JSON = true; c.Stdout = out })
	runInterrupting(h, out, "login demo demo", "examine INBOX", "fetch 1:* (UID FLAGS)")
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	line := lines[len(lines)-1]
	var obj struct {
		Status    string           `json:"status"`
		Responses []map[string]any `json:"responses"`
	}
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, line)
	}
	if len(obj.Responses) != 3 || obj.Status != "OK" {
		t.Errorf("%d responses, status %q; want 3 then the tagged OK:\n%s", len(obj.Responses), obj.Status, line)
	}
}

func TestJSONFetchStreamsOneObject(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.JSON = true })
	code := h.run("login demo demo", "examine INBOX", "fetch 1:* (UID FLAGS)", `\expect count FETCH 23`)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(h.stdout.String(), "\n"), "\n")
	if len(lines) != 4 { // login, examine, fetch, \expect
		t.Fatalf("%d lines, want 4", len(lines))
	}
	fetch := lines[2]
	if !strings.HasPrefix(fetch, `{"command":"fetch 1:* (UID FLAGS)","responses":[{"kind":"FETCH","seq":1,`) ||
		!strings.Contains(fetch, `],"tag":"A3","status":"OK"`) {
		t.Errorf("fetch object:\n%s", fetch)
	}
	var obj struct{ Responses []any }
	if err := json.Unmarshal([]byte(fetch), &obj); err != nil || len(obj.Responses) != 23 {
		t.Errorf("%d responses (%v), want 23", len(obj.Responses), err)
	}
}

func TestJSONErrorObjects(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.JSON = true; c.ContinueOnError = true })
	lines := []string{
		"fetch",                 // usage
		"bogus a>b",             // unknown command
		"fetch 1 (FLAGS)",       // state: not logged in
		"login demo demo",       // OK
		`\expect no`,            // failed expectation
		"uid fetch 1 (FLAGS) x", // state: no mailbox selected
	}
	if code := h.run(lines...); code != ExitFailures {
		t.Errorf("exit %d, want %d", code, ExitFailures)
	}
	got := strings.Split(strings.TrimSuffix(h.stdout.String(), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d objects for %d lines:\n%s", len(got), len(lines), h.stdout)
	}
	for i, l := range got {
		var obj struct {
			Command, Status, Error string
			Responses              []any
		}
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Fatalf("line %d: %v\n%s", i, err, l)
		}
		wantStatus := "ERROR"
		if i == 3 {
			wantStatus = "OK"
		}
		if obj.Command != strings.ReplaceAll(lines[i], "demo demo", "demo ***") || obj.Status != wantStatus ||
			(wantStatus == "ERROR") != (obj.Error != "") || obj.Responses == nil {
			t.Errorf("line %d: %s", i, l)
		}
	}
	if !strings.Contains(got[1], `"command":"bogus a>b"`) {
		t.Errorf("HTML escaping in %s", got[1])
	}
}

// TestRawPrintsEveryLine fetches a message of more than 1 MiB with --raw:
// every line is printed, and \expect match says what it could not search.
func TestRawPrintsEveryLine(t *testing.T) {
	const n = 30000
	var msg strings.Builder
	msg.WriteString("From: a@example.org\r\nSubject: big\r\n\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&msg, "line %05d %s\r\n", i, strings.Repeat("x", 40))
	}
	path := filepath.Join(t.TempDir(), "big.eml")
	if err := os.WriteFile(path, []byte(msg.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(c *Config) { c.Raw = true; c.ContinueOnError = true })
	h.run("login demo demo", "select INBOX", "append INBOX < "+path, "fetch 24 BODY.PEEK[]",
		`\expect match ^A[0-9]+ OK`, `\expect match ^line 29999`)
	out := h.stdout.String()
	for i := 0; i < n; i++ {
		if !strings.Contains(out, fmt.Sprintf("line %05d x", i)) {
			t.Fatalf("line %d is missing from the --raw output (%d bytes)", i, len(out))
		}
	}
	if !strings.Contains(out, "\nA4 OK") {
		t.Errorf("no tagged answer in the --raw output")
	}
	errs := h.stderr.String()
	if strings.Contains(errs, "^A[0-9]+ OK") {
		t.Errorf("the tagged answer past 1 MiB was not kept: %s", errs)
	}
	if !regexp.MustCompile(`\^line 29999.*only the first 1 MiB of 3000[0-9] server lines was kept`).MatchString(errs) {
		t.Errorf("the failed \\expect match does not say the lines were cut: %s", errs)
	}
}

func TestTeeFileHasNoColour(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Color = true })
	path := filepath.Join(t.TempDir(), "out.txt")
	if code := h.run(`\o `+path, "login demo demo", "examine INBOX", "fetch 1:3 (UID FLAGS)", `\o`); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stderr)
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	screen := h.stdout.String()
	if !strings.Contains(screen, "\x1b[") {
		t.Fatalf("no colour on the terminal side:\n%q", screen)
	}
	sgr := regexp.MustCompile(`\x1b\[[0-?]*[ -/]*[@-~]`)
	if strings.ContainsRune(string(file), 0x1b) || string(file) != sgr.ReplaceAllString(screen, "") {
		t.Errorf("file:\n%q\nterminal without colours:\n%q", file, sgr.ReplaceAllString(screen, ""))
	}
}

func TestPlainWriter(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain", []string{"abc\n"}, "abc\n"},
		{"sgr", []string{"\x1b[33m#1\x1b[0m uid"}, "#1 uid"},
		{"split sequence", []string{"a\x1b", "[1;3", "3mb\x1b[", "0m"}, "ab"},
		{"lone escape", []string{"a\x1bxb"}, "axb"},
		{"private parameters", []string{"\x1b[?25lz"}, "z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			w := &plainWriter{w: &b}
			for _, s := range tt.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}
