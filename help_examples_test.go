package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"imapsh/scripts"
)

// helpScriptExamples are the lines in the left column of `\help scripts`
// that show how a line continues (from "fetch 1:5 \" to the line before
// the login example): commands a user copies into a script.
func helpScriptExamples(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	in := false
	for _, l := range strings.Split(scripts.FormatHelp, "\n") {
		if len(l) < 29 || !strings.HasPrefix(l, "  ") {
			continue
		}
		left := strings.TrimSpace(l[:29])
		switch {
		case strings.HasPrefix(left, "fetch 1:5"):
			in = true
		case strings.HasPrefix(left, "login"):
			in = false
		}
		if in && left != "" {
			b.WriteString(left + "\n")
		}
	}
	if b.Len() == 0 {
		t.Fatal("no continuation examples found in scripts.FormatHelp")
	}
	return b.String()
}

// TestHelpScriptsExamplesRun: the continued lines `\help scripts` shows
// are valid IMAP; run on the demo, none gets a BAD (a bare
// `search OR (FROM alice SUBJECT "a b")` did: OR needs two keys).
func TestHelpScriptsExamplesRun(t *testing.T) {
	script := "select INBOX\n" + helpScriptExamples(t)
	r := imapsh(t, testEnv(t), script, "--demo")
	check{code: 0, notStderr: []string{"error:"}}.verify(t, r)
}

// TestREADMEQuotesHelpScripts: the README's ".imap format" section says
// "`\help scripts` prints this summary" and quotes it; the quote is the
// help's text. Before, the README had a paragraph on ${P} values as data
// that the help lacked.
func TestREADMEQuotesHelpScripts(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const intro = "`\\help scripts` prints this summary:\n\n```\n"
	_, rest, ok := strings.Cut(string(data), intro)
	quoted, _, closed := strings.Cut(rest, "```\n")
	if !ok || !closed {
		t.Fatalf("README.md has no block after %q", intro)
	}
	if want := scripts.FormatHelp + "\n"; quoted != want {
		t.Errorf("README's quote of \\help scripts differs from scripts.FormatHelp:\n%s", firstLineDiff(quoted, want))
	}
}

// firstLineDiff shows the first line where a and b part.
func firstLineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\nREADME: %q\nhelp:   %q", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}
