package scripts

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzReader feeds arbitrary script text to a Reader whose every variable is
// a secret. It must not panic, must end, and a Display may show the secret
// only if the script itself held it.
func FuzzReader(f *testing.F) {
	for _, seed := range []string{
		"login alice ${PW}\n",
		"fetch 1 \\\n# c\n  (FLAGS) \\\n\nnoop",
		"uid store 1 +flags \\Seen\r\n\\quit\n",
		"$${X} ${X ${} ${1} $$ $",
		"\\i ${PW}.imap\n\\include \"x\"\n\\i\n",
		"\uFEFF\\\n\\\n\t#\n",
	} {
		f.Add(seed)
	}
	const secret = "Zq9-secret-value"
	f.Fuzz(func(t *testing.T, script string) {
		r := NewReader("fuzz", strings.NewReader(script), Options{
			Lookup: func(string) (string, bool) { return secret, true },
		})
		r.read = func(string) (scriptFile, error) { return scriptFile{}, errors.New("no files while fuzzing") }
		rawHasSecret := strings.Contains(script, secret)
		for range len(script) + 2 { // each call consumes at least one line or ends
			line, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				continue
			}
			if !rawHasSecret && strings.Contains(line.Display, secret) {
				t.Fatalf("Display %q shows the looked-up secret", line.Display)
			}
			if len(line.Vars) == 0 && line.Text != strings.ReplaceAll(line.Display, "$${", "${") {
				t.Fatalf("no variables used but Text %q differs from Display %q", line.Text, line.Display)
			}
		}
		t.Fatal("Next did not reach io.EOF")
	})
}
