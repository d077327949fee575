package repl

import (
	"context"
	"io"
	"reflect"
	"strings"
	"testing"

	"imapsh/history"
	"imapsh/internal/cmdline"
)

// TestInteractiveContinuation: at the prompt an open parenthesis or quote
// and a trailing " \" continue on the next line, after a continuation
// prompt as wide as the prompt showing what is open; the logical line
// runs once and goes to the history whole; Ctrl-C at a continuation
// prompt abandons the partial line (nothing sent, no exit hint).
func TestInteractiveContinuation(t *testing.T) {
	wire := inboxSelected +
		"C: A2 SEARCH OR (FROM alice SUBJECT \"a b\") NOT (SEEN)\nS: * SEARCH 1\nS: A2 OK done\n" +
		"C: A3 FETCH 1 (FLAGS UID)\nS: * 1 FETCH (FLAGS () UID 7)\nS: A3 OK done\n"
	sh := newSyntaxShell(t, extendedCaps, wire+logoutWire(4))
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true, lines: []string{
		"select INBOX",
		"search OR (FROM alice", `SUBJECT "a`, `b") NOT (SEEN)`,
		"search (ALL", "this is abandoned",
		`fetch 1 \`, "(FLAGS UID)",
	}, errs: map[int]error{5: ErrInterrupt}}, prompts: &prompts}
	if code := sh.sess.Run(context.Background(), src); code != ExitOK {
		t.Fatalf("exit status %d\nstderr:\n%s", code, sh.stderr)
	}
	// the fake target has no host: "> ", then " INBOX[3]> " (11 columns)
	p, pad := " INBOX[3]> ", strings.Repeat(" ", 6)
	want := []string{"> ", p, pad + "..(> ", pad + `.."> `, p, pad + "..(> ", p, pad + "...> ", p}
	if !reflect.DeepEqual(prompts, want) {
		t.Errorf("prompts:\n got %q\nwant %q", prompts, want)
	}
	added := []string{"select INBOX", `search OR (FROM alice SUBJECT "a b") NOT (SEEN)`, "fetch 1 (FLAGS UID)"}
	if !reflect.DeepEqual(src.added, added) {
		t.Errorf("history:\n got %q\nwant %q", src.added, added)
	}
	if strings.Contains(sh.stderr.String(), `\quit`) {
		t.Errorf("Ctrl-C at a continuation prompt printed the exit hint:\n%s", sh.stderr)
	}
}

// TestInteractiveContinuationEnds: a blank line or Ctrl-D at a
// continuation prompt ends the line, which then gets its error; nothing
// is sent; a line typed after a space stays out of the history, continued
// or not.
func TestInteractiveContinuationEnds(t *testing.T) {
	sh := newSyntaxShell(t, extendedCaps, inboxSelected+logoutWire(2))
	src := &scripted{interactive: true, lines: []string{"select INBOX", "search (FROM a", "", " search (TO", "b"}}
	src.errs = map[int]error{5: io.EOF}
	src.lines = append(src.lines, "")
	if code := sh.sess.Run(context.Background(), src); code != ExitOK {
		t.Fatalf("exit status %d\nstderr:\n%s", code, sh.stderr)
	}
	if n := strings.Count(sh.stderr.String(), "unbalanced parenthesis"); n != 2 {
		t.Errorf("want two unbalanced errors (a blank line, then Ctrl-D ended the lines), got %d:\n%s", n, sh.stderr)
	}
	if want := []string{"select INBOX", "search (FROM a"}; !reflect.DeepEqual(src.added, want) {
		t.Errorf("history = %q, want %q (the private line left out)", src.added, want)
	}
}

// TestInteractiveVariables: ${NAME} expands at the prompt as in scripts:
// values are data (a value with parentheses or quotes is one string), the
// history keeps the line as written, an undefined name is an error and
// the shell goes on.
func TestInteractiveVariables(t *testing.T) {
	wire := inboxSelected +
		"C: A2 SEARCH SUBJECT \"a) OR (ALL \\\"x\\\"\" FROM bob\nS: * SEARCH\nS: A2 OK done\n" +
		"C: A3 STATUS INBOX (MESSAGES)\nS: * STATUS INBOX (MESSAGES 3)\nS: A3 OK done\n"
	sh := newSyntaxShell(t, extendedCaps, wire+logoutWire(4))
	hist, err := history.Open(t.TempDir()+"/h", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer hist.Close()
	sh.sess.cfg.History = hist
	t.Setenv("IMAPSH_TEST_BOX", "INBOX")
	src := &scripted{interactive: true, lines: []string{
		`\set SUBJ "a) OR (ALL \"x\""`, "select ${IMAPSH_TEST_BOX}", "search SUBJECT ${SUBJ} \\", "FROM bob",
		"fetch 1 ${NOPE_UNDEFINED}", "status ${IMAPSH_TEST_BOX} (MESSAGES)"}}
	if code := sh.sess.Run(context.Background(), src); code != ExitOK {
		t.Fatalf("exit status %d\nstderr:\n%s", code, sh.stderr)
	}
	wantAll(t, "stderr", sh.stderr.String(), "undefined variable ${NOPE_UNDEFINED}", `hint: \set NAME VALUE`)
	want := []string{`\set SUBJ ***`, "select ${IMAPSH_TEST_BOX}", "search SUBJECT ${SUBJ} FROM bob",
		"fetch 1 ${NOPE_UNDEFINED}", "status ${IMAPSH_TEST_BOX} (MESSAGES)"}
	if got := hist.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("history:\n got %q\nwant %q", got, want)
	}
}

func TestContinuationPrompt(t *testing.T) {
	for _, tt := range []struct {
		first string
		open  cmdline.Pending
		want  string
	}{
		{"imap> ", cmdline.Pending{}, " ...> "},
		{"a> ", cmdline.Pending{Depth: 2}, "..(> "},
		{"a@h 日本[3]> ", cmdline.Pending{Quote: true}, `        .."> `},
	} {
		if got := continuationPrompt(tt.first, tt.open); got != tt.want {
			t.Errorf("continuationPrompt(%q, %+v) = %q, want %q", tt.first, tt.open, got, tt.want)
		}
	}
}

// TestInteractiveVariablesAreData: at the prompt a ${VAR} value is sent
// as exactly its bytes, as in scripts (TestVariablesAreData), and neither
// the trace, the output nor the history shows it.
func TestInteractiveVariablesAreData(t *testing.T) {
	for value, wire := range map[string]string{`a\b`: `"a\\b"`, " lead": `" lead"`, "{5}": `"{5}"`, "a\r\nb": "{4}\nS: + go on\nCx: a\\r\\nb"} {
		transcript := "S: * OK [CAPABILITY IMAP4rev1] ready\n" +
			"C: A1 LOGIN bob " + wire + "\nS: A1 NO [AUTHENTICATIONFAILED] no\n" +
			"C: A2 LOGIN bob " + wire + "\nS: A2 NO [AUTHENTICATIONFAILED] no\n" +
			"C: A3 LOGOUT\nS: * BYE\nS: A3 OK bye\n"
		hist, err := history.Open(t.TempDir()+"/h", 0)
		if err != nil {
			t.Fatal(err)
		}
		s, trace, out := fakeSession(t, transcript, func(c *Config) { c.History = hist })
		s.vars["P"] = value
		src := &scripted{interactive: true, lines: []string{`login bob "${P}"`, `login bob \`, `${P}`}}
		s.Run(context.Background(), src)
		hist.Close()
		for where, text := range map[string]string{"trace": trace.String(), "output": out.String(), "history": strings.Join(hist.Entries(), "\n")} {
			if strings.Contains(text, value) {
				t.Errorf("%q: the %s shows the value:\n%s", value, where, text)
			}
		}
		// history's safety net masks LOGIN's credentials even as ${P}, and
		// the two lines are then one repeated entry
		if got := hist.Entries(); !reflect.DeepEqual(got, []string{`login bob ***`}) {
			t.Errorf("%q: history = %q", value, got)
		}
	}
}
