package render

import (
	"strings"
	"testing"

	"imapsh/client"
)

// narrowListStatus is Dovecot's answer to list "" * RETURN (STATUS
// (MESSAGES UNSEEN SIZE)) for names longer than their attributes.
var narrowListStatus = []client.Response{
	&client.ListData{Command: "LIST", Attrs: []string{`\Unmarked`}, Delim: "/", Mailbox: "Projects/2024/Q1"},
	&client.StatusData{Mailbox: "Projects/2024/Q1", Items: []client.StatusItem{si("MESSAGES", 0), si("UNSEEN", 0), si("SIZE", 0)}},
	&client.ListData{Command: "LIST", Attrs: []string{`\Unmarked`}, Delim: "/", Mailbox: "Projects/2024/Q2"},
	&client.StatusData{Mailbox: "Projects/2024/Q2", Items: []client.StatusItem{si("MESSAGES", 3), si("UNSEEN", 1), si("SIZE", 4096)}},
	&client.ListData{Command: "LIST", Attrs: []string{`\Unmarked`}, Delim: "/", Mailbox: "Lab/Ünïcødé/日本語"},
	&client.StatusData{Mailbox: "Lab/Ünïcødé/日本語", Items: []client.StatusItem{si("MESSAGES", 100000), si("UNSEEN", 30060), si("SIZE", 948659628)}},
}

// TestListNarrowKeepsNames: on a narrow terminal the LIST table cuts the
// attributes before the mailbox names, which are what a row is about: at
// 60 columns Projects/2024/Q1 and Projects/2024/Q2 were both shown as
// "Projects/20…", while "\Unmarked" kept its whole width.
func TestListNarrowKeepsNames(t *testing.T) {
	var b strings.Builder
	if err := Result(&b, &client.Result{Responses: narrowListStatus}, Options{Width: 60}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Projects/2024/Q1  ", "Projects/2024/Q2  ", "Lab/Ünïcødé/日本語  "} {
		if !strings.Contains(b.String(), name) {
			t.Errorf("%q is not shown whole:\n%s", name, b.String())
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if w := textWidth(line); w > 60 {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
}
