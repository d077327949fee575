package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// drain reads a source to its end.
func drain(t *testing.T, src interface {
	ReadLine(string) (string, error)
}) []string {
	t.Helper()
	var lines []string
	for {
		l, err := src.ReadLine("> ")
		if errors.Is(err, io.EOF) {
			return lines
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
}

func TestCommandSource(t *testing.T) {
	src := &CommandSource{Commands: []string{"select INBOX", "fetch 1 flags"}}
	if got := drain(t, src); !reflect.DeepEqual(got, src.Commands) || src.Interactive() {
		t.Errorf("got %q", got)
	}
}

func TestScriptSourceStdin(t *testing.T) {
	t.Setenv("IMAPSH_TEST_BOX", "Archive")
	in := strings.NewReader("# comment\nselect ${IMAPSH_TEST_BOX}\n\nfetch 1:2 \\\n  (FLAGS)\n")
	src := NewScriptSource(in, io.Discard)
	want := []string{"select Archive", "fetch 1:2 (FLAGS)"}
	if got := drain(t, src); !reflect.DeepEqual(got, want) || src.Failed() {
		t.Errorf("got %q failed=%v, want %q", got, src.Failed(), want)
	}
}

func TestScriptSourceVariables(t *testing.T) {
	t.Setenv("IMAPSH_TEST_BOX", "FromEnv")
	src := NewScriptSource(strings.NewReader("select ${IMAPSH_TEST_BOX}\nselect ${IMAPSH_TEST_OTHER}\n"), io.Discard)
	src.SetVariables(func(name string) (string, bool) {
		return "FromSet", name == "IMAPSH_TEST_OTHER"
	})
	for _, want := range []struct{ text, display string }{
		{"select FromEnv", "select ${IMAPSH_TEST_BOX}"},
		{"select FromSet", "select ${IMAPSH_TEST_OTHER}"},
	} {
		got, err := src.ReadLine("")
		if err != nil || got != want.text || src.LastDisplay() != want.display {
			t.Errorf("got %q (display %q), %v; want %q (%q)", got, src.LastDisplay(), err, want.text, want.display)
		}
	}
}

func TestScriptSourceError(t *testing.T) {
	var stderr bytes.Buffer
	src := NewScriptSource(strings.NewReader("noop\nselect ${IMAPSH_UNDEFINED_VAR}\nnoop\n"), &stderr)
	got := drain(t, src)
	if !reflect.DeepEqual(got, []string{"noop"}) || !src.Failed() {
		t.Errorf("got %q failed=%v", got, src.Failed())
	}
	if !strings.HasPrefix(stderr.String(), "error: <stdin>:2:") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

func TestOpenScriptRefusesReadableSecret(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.imap")
	if err := os.WriteFile(path, []byte("login alice hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenScript(path, nil, io.Discard); err == nil {
		t.Fatal("a 0644 script with a literal password was accepted")
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := OpenScript(path, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got := drain(t, src); !reflect.DeepEqual(got, []string{"login alice hunter2"}) {
		t.Errorf("got %q", got)
	}
}

func TestHasLiteralSecret(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"login alice hunter2", true},
		{`login alice "s e c"`, true},
		{"login alice ${IMAP_PASSWORD}", false},
		{"authenticate PLAIN AGFsaWNlAHB3", true},
		{"select INBOX", false},
		{"fetch 1:5 (FLAGS)", false},
	}
	for _, tt := range tests {
		if got := HasLiteralSecret(tt.line); got != tt.want {
			t.Errorf("HasLiteralSecret(%q) = %v", tt.line, got)
		}
	}
}
