package repl

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONOffWritesItsObject: "\json off ends the objects with itself,
// \json on starts with its own" (README, JSON output); so does a \format
// that leaves JSON. Before, \json off and \format csv printed nothing, and
// a reader of the JSON lines could not tell where they ended.
func TestJSONOffWritesItsObject(t *testing.T) {
	for _, off := range []string{`\json off`, `\format csv`} {
		t.Run(off, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.JSON = true })
			h.run("noop", off, `\json on`, "noop")
			var commands []string
			for _, l := range strings.Split(strings.TrimSpace(h.stdout.String()), "\n") {
				var obj struct{ Command string }
				if err := json.Unmarshal([]byte(l), &obj); err != nil {
					t.Fatalf("line %q: %v\n%s", l, err, h.stdout)
				}
				commands = append(commands, obj.Command)
			}
			if want := []string{"noop", off, `\json on`, "noop"}; strings.Join(commands, "|") != strings.Join(want, "|") {
				t.Errorf("objects of %q, want %q", commands, want)
			}
		})
	}
}
