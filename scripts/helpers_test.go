package scripts

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/internal/cmdline"
)

// mapLookup is a Lookup over a fixed map.
func mapLookup(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// loginSecret is a HasLiteralSecret for tests: the password of "login USER PASS".
func loginSecret(text string) bool {
	f := strings.Fields(text)
	return len(f) == 3 && strings.EqualFold(f[0], "login") && !cmdline.IsReference(f[2])
}

// writeScript writes content to dir/name with exactly the given mode.
func writeScript(t *testing.T, dir, name, content string, perm os.FileMode) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // umask may have narrowed it
		t.Fatal(err)
	}
	return path
}

// readAll drains a Reader; it stops at the first error other than io.EOF.
func readAll(r *Reader) ([]Line, error) {
	var lines []Line
	for {
		line, err := r.Next()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return lines, err
		}
		lines = append(lines, line)
	}
}

// where renders lines as "File:Num Display" for compact comparisons.
func where(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fmt.Sprintf("%s:%d %s", l.File, l.Num, l.Display)
	}
	return out
}
