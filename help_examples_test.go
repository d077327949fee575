package main

import (
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
