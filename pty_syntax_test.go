package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// continuedLines are the same logical lines written over several physical
// lines: an open parenthesis, an open quote, a trailing " \".
const continuedLines = "select INBOX\n" +
	"search OR (FROM alice\n" +
	"  SUBJECT \"hello\n" +
	"  world\") ALL\n" +
	"fetch 1 \\\n" +
	"  (FLAGS)\n"

// continuedWire is what those lines send.
var continuedWire = []string{`C: A3 SEARCH OR (FROM alice SUBJECT "hello world") ALL`, "C: A4 FETCH 1 (FLAGS)"}

// TestTerminalContinuation types a command over several lines: after an
// open parenthesis or quote or a trailing " \" a continuation prompt shows
// what is open; Ctrl-C there abandons the partial line; ${VAR} expands at
// the prompt; the history holds each logical line whole, as written.
func TestTerminalContinuation(t *testing.T) {
	env := testEnv(t, "TERM=xterm", "IMAPSH_TEST_ITEMS=UIDNEXT")
	tracePath := filepath.Join(t.TempDir(), "trace")
	term := startTerminal(t, env, "--demo", "--trace="+tracePath)
	term.expect("> ")
	lines := strings.Split(strings.TrimSuffix(continuedLines, "\n"), "\n")
	prompts := []string{"INBOX[", "..(> ", `.."> `, "INBOX[", "...> ", "INBOX["}
	for i, line := range lines {
		term.send(line + "\r")
		term.expect(prompts[i])
	}
	for _, want := range continuedWire {
		waitFile(t, tracePath, want)
	}

	term.send("search (ALL\r")
	term.expect("..(> ")
	term.send("UNSEEN\r")
	term.expect("..(> ")
	term.send("\x03") // abandons the partial line
	term.expect("INBOX[")

	term.send(`\set BOX Archive` + "\r")
	term.expect("INBOX[")
	term.send("status ${BOX} (${IMAPSH_TEST_ITEMS})\r")
	term.expect("UIDNEXT")
	waitFile(t, tracePath, "C: A5 STATUS Archive (UIDNEXT)")
	term.send("\x04")
	term.waitExit()

	trace, _ := os.ReadFile(tracePath)
	if strings.Contains(string(trace), "SEARCH (ALL") {
		t.Errorf("the abandoned line was sent:\n%s", trace)
	}
	b, _ := os.ReadFile(filepath.Join(envValue(env, "XDG_STATE_HOME"), "imapsh", "history"))
	history := strings.Split(strings.TrimSpace(string(b)), "\n")
	want := []string{"select INBOX", `search OR (FROM alice SUBJECT "hello world") ALL`, "fetch 1 (FLAGS)",
		`\set BOX ***`, "status ${BOX} (${IMAPSH_TEST_ITEMS})"} // \set values are masked in history
	if strings.Join(history, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(history, "\n"), strings.Join(want, "\n"))
	}
}

// TestContinuationPipedAndScript: the same physical lines, piped to stdin
// or in a -f script, send the same commands as typed at the prompt; -c
// commands never continue into the next one.
func TestContinuationPipedAndScript(t *testing.T) {
	script := filepath.Join(t.TempDir(), "s.imap")
	if err := os.WriteFile(script, []byte(continuedLines), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]func(trace string) result{
		"piped": func(trace string) result { return imapsh(t, testEnv(t), continuedLines, "--demo", "--trace="+trace) },
		"-f":    func(trace string) result { return imapsh(t, testEnv(t), "", "--demo", "--trace="+trace, "-f", script) },
	} {
		t.Run(name, func(t *testing.T) {
			trace := filepath.Join(t.TempDir(), "trace")
			r := run(trace)
			if r.code != 0 {
				t.Fatalf("%s", r)
			}
			got, _ := os.ReadFile(trace)
			for _, want := range continuedWire {
				if !strings.Contains(string(got), want) {
					t.Errorf("trace lacks %q:\n%s", want, got)
				}
			}
		})
	}
	r := imapsh(t, testEnv(t), "", "--demo", "-c", "select INBOX (CONDSTORE", "-c", "noop")
	check{code: 3, stderr: []string{"-c:1: unbalanced parenthesis"}}.verify(t, r)
}
