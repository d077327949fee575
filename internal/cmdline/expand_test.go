package cmdline

import (
	"strings"
	"testing"
)

func TestIsReference(t *testing.T) {
	tests := map[string]bool{
		"${PW}": true, "${A}${B}": true, "${_x}": true,
		"": false, "hunter2": false, "x${PW}": false, "${PW}x": false, "${PW": false,
		"$${PW}": false, "${1}": false, "$PW": false,
	}
	for arg, want := range tests {
		if got := IsReference(arg); got != want {
			t.Errorf("IsReference(%q) = %v, want %v", arg, got, want)
		}
	}
}

func TestExpand(t *testing.T) {
	vars := map[string]string{"P": `a"b\c`, "L": " lead", "E": "", "W": "two words", "U": "alice", "M": "{5}", "F": `\Seen`}
	lookup := func(n string) (string, bool) { v, ok := vars[n]; return v, ok }
	tests := []struct{ in, want, err string }{
		{`login bob "${P}"`, `login bob "a\"b\\c"`, ""},
		{`login bob ${P}`, `login bob "a\"b\\c"`, ""},
		{`login bob ${L}`, `login bob " lead"`, ""},
		{`login bob ${E}`, `login bob ""`, ""},
		{`login bob ${M}`, `login bob "{5}"`, ""},
		{`store 1 +flags ${F}`, `store 1 +flags \Seen`, ""},
		{`search (OR FROM ${W} TO ${U})`, `search (OR FROM "two words" TO alice)`, ""},
		{`x user.${U} ${E}box`, `x user.alice box`, ""},
		{`x user.${W}`, "", "part of a longer word"},
		{`x "a \"${U}\" b"`, `x "a \"alice\" b"`, ""},
		{`x $${U} ${NOPE}`, "", "undefined variable ${NOPE}"},
		{`x $${U}`, `x ${U}`, ""},
	}
	for _, tt := range tests {
		got, _, err := Expand(tt.in, lookup)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Expand(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Expand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// FuzzExpand checks that a value read back through the lexer is exactly
// the value, bare or quoted: values are data.
func FuzzExpand(f *testing.F) {
	for _, v := range []string{"", "a", `a\b`, `"`, " x", "{5}", "a\r\nb", "(x", "<in", "\x00", "é\u202e"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, value string) {
		lookup := func(string) (string, bool) { return value, true }
		for _, line := range []string{`x ${V}`, `x "${V}"`, `x "pre ${V} post"`} {
			text, _, err := Expand(line, lookup)
			if err != nil {
				t.Fatalf("Expand(%q) with %q: %v", line, value, err)
			}
			toks, err := Lex(text)
			if err != nil || len(toks) != 2 {
				t.Fatalf("Lex(%q) = %d tokens, %v", text, len(toks), err)
			}
			want := value
			if line == `x "pre ${V} post"` {
				want = "pre " + value + " post"
			}
			if toks[1].Text != want {
				t.Fatalf("%q with %q read back as %q", line, value, toks[1].Text)
			}
		}
	})
}
