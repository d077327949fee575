package scripts

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestIncludes(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "main.imap", "select INBOX\n\\i sub/inc.imap\n# c\n\\include \"with space.imap\"\nlogout\n", 0o644)
	writeScript(t, dir, "sub/inc.imap", "noop\n\\i ${NEXT}\nidle\n", 0o644)
	writeScript(t, dir, "sub/deeper.imap", "fetch 1 \\\n  (FLAGS)\n", 0o644)
	writeScript(t, dir, "with space.imap", "capability\n", 0o644)

	r, err := Open(filepath.Join(dir, "main.imap"), Options{Lookup: mapLookup(map[string]string{"NEXT": "deeper.imap"})})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := readAll(r)
	if err != nil {
		t.Fatal(err)
	}
	got := where(lines)
	for i := range got {
		got[i] = strings.TrimPrefix(got[i], dir+string(filepath.Separator))
	}
	want := []string{
		"main.imap:1 select INBOX",
		"sub/inc.imap:1 noop",
		"sub/deeper.imap:1 fetch 1 (FLAGS)",
		"sub/inc.imap:3 idle",
		"with space.imap:1 capability",
		"main.imap:5 logout",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestIncludeErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string // main.imap is opened
		wantErr string            // with dir/ stripped
	}{
		{"self loop", map[string]string{"main.imap": "noop\n\\i main.imap\n"},
			"main.imap:2: include loop: main.imap -> main.imap"},
		{"loop through another file", map[string]string{
			"main.imap": "\\i b.imap\n",
			"b.imap":    "noop\n\n\\i main.imap\n"},
			"b.imap:3: include loop: main.imap -> b.imap -> main.imap"},
		{"loop through a relative path", map[string]string{
			"main.imap":  "\\i sub/b.imap\n",
			"sub/b.imap": "\\i ../main.imap\n"},
			"sub/b.imap:1: include loop: main.imap -> sub/b.imap -> main.imap"},
		{"missing file", map[string]string{"main.imap": "noop\n\\i nope.imap\n"},
			"main.imap:2: include nope.imap: no such file or directory"},
		{"no file named", map[string]string{"main.imap": "\\include   \n"},
			`main.imap:1: \include needs a FILE`},
		{"directory", map[string]string{"main.imap": "\\i sub\n", "sub/x.imap": ""},
			"main.imap:1: include sub: is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				writeScript(t, dir, name, content, 0o644)
			}
			r, err := Open(filepath.Join(dir, "main.imap"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(r)
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if got := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""); got != tt.wantErr {
				t.Errorf("err = %q\nwant  %q", got, tt.wantErr)
			}
		})
	}
}

func TestReadingGoesOnAfterIncludeError(t *testing.T) {
	dir := t.TempDir()
	path := writeScript(t, dir, "main.imap", "\\i nope.imap\nnoop\n", 0o644)
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err == nil {
		t.Fatal("want an error for the missing include")
	}
	if line, err := r.Next(); err != nil || line.Text != "noop" {
		t.Fatalf("after the error: %+v, %v", line, err)
	}
}

// TestIncludeDepth builds main -> d1 -> ... -> dN and checks the limit.
func TestIncludeDepth(t *testing.T) {
	for _, depth := range []int{MaxIncludeDepth, MaxIncludeDepth + 1} {
		t.Run(fmt.Sprint(depth), func(t *testing.T) {
			dir := t.TempDir()
			writeScript(t, dir, "main.imap", "\\i d1.imap\n", 0o644)
			for i := 1; i < depth; i++ {
				writeScript(t, dir, fmt.Sprintf("d%d.imap", i), fmt.Sprintf("\\i d%d.imap\n", i+1), 0o644)
			}
			writeScript(t, dir, fmt.Sprintf("d%d.imap", depth), "noop\n", 0o644)
			r, err := Open(filepath.Join(dir, "main.imap"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			lines, err := readAll(r)
			if depth <= MaxIncludeDepth {
				if err != nil || len(lines) != 1 || lines[0].Text != "noop" {
					t.Fatalf("depth %d: lines %q, err %v", depth, where(lines), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("includes nested deeper than %d", MaxIncludeDepth)) {
				t.Fatalf("depth %d: err = %v, want the depth limit", depth, err)
			}
		})
	}
}

func TestIncludeFromStreamIsRelativeToWorkingDir(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "x.imap", "noop\n", 0o644)
	t.Chdir(dir)
	lines, err := readAll(NewReader("<stdin>", strings.NewReader("\\i x.imap\ncapability\n"), Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := where(lines), []string{"x.imap:1 noop", "<stdin>:2 capability"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestIncludeFromHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeScript(t, home, "lib/x.imap", "noop\n", 0o644)
	lines, err := readAll(NewReader("<stdin>", strings.NewReader("\\i ~/lib/x.imap\ncapability\n"), Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(home, "lib/x.imap") + ":1 noop", "<stdin>:2 capability"}
	if got := where(lines); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLiteralSecretNeedsPrivateFile(t *testing.T) {
	tests := []struct {
		name    string
		content string
		perm    fs.FileMode
		wantErr bool
	}{
		{"literal secret in 0644 is refused", "select INBOX\nlogin alice hunter2\n", 0o644, true},
		{"literal secret in 0640 is refused", "login alice hunter2\n", 0o640, true},
		{"literal secret in 0600 is accepted", "login alice hunter2\n", 0o600, false},
		{"literal secret in 0400 is accepted", "login alice hunter2\n", 0o400, false},
		{"variable secret in 0644 is accepted", "login alice ${PW}\n", 0o644, false},
		{"no secret in 0644 is accepted", "select INBOX\n", 0o644, false},
		{"continued literal secret is refused", "login alice \\\n  hunter2\n", 0o644, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeScript(t, t.TempDir(), "s.imap", tt.content, tt.perm)
			_, err := Open(path, Options{HasLiteralSecret: loginSecret})
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				return
			}
			line := strings.Count(tt.content[:strings.Index(tt.content, "login")], "\n") + 1
			var se *Error
			if !errors.As(err, &se) || se.File != path || se.Line != line {
				t.Fatalf("err = %v, want *Error at %s:%d", err, path, line)
			}
			for _, want := range []string{"literal secret", fmt.Sprintf("mode %04o", tt.perm), "chmod 600 " + path, "${VAR}"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err %q lacks %q", err, want)
				}
			}
		})
	}
}

// TestLongLineSameForEveryMode: a line over the limit is reported when
// the reader reaches it, whether or not the file's mode made Open scan it
// for literal secrets; the lines before it are read, none after it.
func TestLongLineSameForEveryMode(t *testing.T) {
	content := "noop\n" + strings.Repeat("x", maxLineBytes+1) + "\nlogin alice hunter2\n"
	for _, perm := range []fs.FileMode{0o644, 0o600} {
		path := writeScript(t, t.TempDir(), "s.imap", content, perm)
		r, err := Open(path, Options{HasLiteralSecret: loginSecret})
		if err != nil {
			t.Fatalf("mode %04o: Open: %v", perm, err)
		}
		lines, err := readAll(r)
		if len(lines) != 1 || err == nil || !strings.Contains(err.Error(), ":2: line longer than") {
			t.Errorf("mode %04o: lines %v, err %v; want noop, then the long line reported", perm, lines, err)
		}
		if line, err := r.Next(); !errors.Is(err, io.EOF) {
			t.Errorf("mode %04o: after the long line: %q, %v; want io.EOF", perm, line.Text, err)
		}
	}
}

func TestLiteralSecretInIncludedFile(t *testing.T) {
	dir := t.TempDir()
	main := writeScript(t, dir, "main.imap", "noop\n\\i creds.imap\n", 0o600)
	creds := writeScript(t, dir, "creds.imap", "# who\nlogin alice hunter2\n", 0o644)
	r, err := Open(main, Options{HasLiteralSecret: loginSecret})
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(r)
	if err == nil || !strings.HasPrefix(err.Error(), creds+":2: ") || !strings.Contains(err.Error(), "chmod 600 "+creds) {
		t.Fatalf("err = %v, want %s:2: ... chmod 600", err, creds)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "nope.imap"), filepath.Join(dir, "nope.imap") + ": no such file or directory"},
		{dir, dir + ": is a directory"},
	}
	for _, tt := range tests {
		_, err := Open(tt.path, Options{})
		var se *Error
		if !errors.As(err, &se) || err.Error() != tt.want {
			t.Errorf("Open(%s) = %v, want %q", tt.path, err, tt.want)
		}
		if tt.path != dir && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open(%s) error does not unwrap to ErrNotExist", tt.path)
		}
	}
}
