package repl

import (
	"strings"
	"testing"
)

// TestFetchToFileToldOnce: what went to the > FILE is told once, on
// stderr, and only as what really happened: no per-message "written to
// file" block on stdout, and none when FILE was left untouched (issue 11).
// Items beside the sections (FLAGS) are still shown.
func TestFetchToFileToldOnce(t *testing.T) {
	const wire = "C: A1 SELECT INBOX\nS: * 2 EXISTS\nS: A1 OK [READ-WRITE] done\nC: A2 FETCH 1:2 (FLAGS BODY.PEEK[])\n"
	tests := []struct {
		name, answer      string
		stdout, notStdout []string
		stderr            string
	}{
		{"saved", "S: * 1 FETCH (FLAGS (\\Seen) BODY[] {7}\nS: hello\nS: )\nS: * 2 FETCH (FLAGS () BODY[] {5}\nS: bye\nS: )\nS: A2 OK done\n",
			[]string{"1  \\Seen", "OK done"}, []string{"BODY[]", "B written"}, "wrote 12 bytes (2 sections of 2 messages) to "},
		{"server said NO after the data", "S: * 1 FETCH (FLAGS (\\Seen) BODY[] {7}\nS: hello\nS: )\nS: A2 NO [SERVERBUG] oops\n",
			[]string{"NO [SERVERBUG] oops"}, []string{"BODY[]", "written"}, "left untouched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := oldFile(t, t.TempDir())
			sh := newFakeShell(t, wire+tt.answer+logoutWire(3))
			sh.run("select INBOX", "fetch 1:2 (FLAGS BODY.PEEK[]) > "+path)
			stdout, stderr := sh.stdout.String(), sh.stderr.String()
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, not := range tt.notStdout {
				if strings.Contains(stdout, not) {
					t.Errorf("stdout holds %q:\n%s", not, stdout)
				}
			}
			if strings.Count(stderr, tt.stderr) != 1 {
				t.Errorf("stderr should say %q once:\n%s", tt.stderr, stderr)
			}
		})
	}
}
