package cli

import (
	"errors"
	"strings"
	"testing"

	"imapsh/scripts"
)

func TestHintScriptErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"literal secret", &scripts.Error{File: "s.imap", Line: 1, Err: errors.New("holds a literal secret but is readable by others (mode 0644)")}, "${" + EnvPassword + "}"},
		{"other script error", &scripts.Error{File: "s.imap", Line: 2, Err: errors.New("undefined variable ${X}")}, `\help scripts`},
		{"usage", ErrUsage, "--help"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if h := Hint(tt.err); !strings.Contains(h, tt.want) {
				t.Errorf("Hint = %q, want it to mention %q", h, tt.want)
			}
		})
	}
}

// TestReportEscapesServerText: an error quoting the server (a BYE or NO
// text) cannot move the cursor or retitle the terminal.
func TestReportEscapesServerText(t *testing.T) {
	var out strings.Builder
	Report(&out, errors.New("client: greeting: BYE \x1b]0;pwned\a\x1b[41mgone"))
	if strings.ContainsAny(out.String(), "\x1b\a") || !strings.Contains(out.String(), `\x1b]0;pwned\x07`) {
		t.Errorf("Report printed %q", out.String())
	}
}
