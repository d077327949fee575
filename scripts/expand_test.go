package scripts

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestExpansion(t *testing.T) {
	vars := map[string]string{"USER": "alice", "PW": "hunter2", "NEST": "${PW}", "_x1": "v"}
	tests := []struct {
		name     string
		input    string
		wantText string
		wantVars []string
		wantErr  string
	}{
		{"plain", "noop", "noop", nil, ""},
		{"two vars", "login ${USER} ${PW}", "login alice hunter2", []string{"USER", "PW"}, ""},
		{"repeated var listed once", "x ${USER}${USER} ${_x1}", "x alicealice v", []string{"USER", "_x1"}, ""},
		{"values are not expanded again", "x ${NEST}", "x ${PW}", []string{"NEST"}, ""},
		{"escape", "search text $${USER}", "search text ${USER}", nil, ""},
		{"dollar without brace is literal", "login bob pa$$w$rd $USER $", "login bob pa$$w$rd $USER $", nil, ""},
		{"undefined", "# c\nlogin ${USER} ${NOPE}", "", nil, "t:2: undefined variable ${NOPE}"},
		{"unterminated", "x ${USER", "", nil, "t:1: unterminated ${"},
		{"bad name", "x ${1A}", "", nil, `t:1: bad variable name "1A"`},
		{"empty name", "x ${}", "", nil, `t:1: bad variable name ""`},
		// \echo prints its text as written: nothing is expanded, so an
		// undefined name is no error (it was "undefined variable")
		{"echo is not expanded", `\echo cost ${NOPE} and ${USER}`, `\echo cost ${NOPE} and ${USER}`, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader("t", strings.NewReader(tt.input), Options{Lookup: mapLookup(vars)})
			line, err := r.Next()
			if tt.wantErr != "" {
				var se *Error
				if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want *Error starting %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if line.Text != tt.wantText || line.Display != strings.TrimSpace(tt.input) {
				t.Errorf("Text %q Display %q, want Text %q Display %q", line.Text, line.Display, tt.wantText, tt.input)
			}
			if !reflect.DeepEqual(line.Vars, tt.wantVars) {
				t.Errorf("Vars = %q, want %q", line.Vars, tt.wantVars)
			}
		})
	}
}

func TestExpansionDefaultsToEnvironment(t *testing.T) {
	t.Setenv("IMAPSH_TEST_MBOX", "Archive/2024")
	line, err := NewReader("t", strings.NewReader("select ${IMAPSH_TEST_MBOX}"), Options{}).Next()
	if err != nil || line.Text != "select Archive/2024" {
		t.Fatalf("Next = %q, %v", line.Text, err)
	}
}

func TestChainLookupPrecedence(t *testing.T) {
	t.Setenv("IMAPSH_TEST_BOTH", "from-env")
	t.Setenv("IMAPSH_TEST_ENV", "env-only")
	set := mapLookup(map[string]string{"IMAPSH_TEST_BOTH": "from-set"})
	look := ChainLookup(set, nil, os.LookupEnv)
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"IMAPSH_TEST_BOTH", "from-set", true},
		{"IMAPSH_TEST_ENV", "env-only", true},
		{"IMAPSH_TEST_NONE", "", false},
	}
	for _, tt := range tests {
		if got, ok := look(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("%s = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExpansionHappensAtNext(t *testing.T) {
	vars := map[string]string{}
	r := NewReader("t", strings.NewReader("\\set BOX Drafts\nselect ${BOX}\n"), Options{Lookup: mapLookup(vars)})
	first, err := r.Next()
	if err != nil || first.Text != `\set BOX Drafts` {
		t.Fatalf("first = %q, %v", first.Text, err)
	}
	vars["BOX"] = "Drafts" // what the REPL's \set does before asking for the next line
	second, err := r.Next()
	if err != nil || second.Text != "select Drafts" {
		t.Fatalf("second = %q, %v", second.Text, err)
	}
}

func TestReadingGoesOnAfterExpansionError(t *testing.T) {
	r := NewReader("t", strings.NewReader("select ${NOPE}\nnoop\n"), Options{Lookup: mapLookup(nil)})
	if _, err := r.Next(); err == nil {
		t.Fatal("want an error for ${NOPE}")
	}
	if line, err := r.Next(); err != nil || line.Text != "noop" || line.Num != 2 {
		t.Fatalf("after the error: %+v, %v", line, err)
	}
}

func TestDisplayHidesSecrets(t *testing.T) {
	const secret = "s3cr3t-pw"
	input := "login alice ${PW}\nauthenticate PLAIN \\\n  ${PW}\nsearch text $${PW} ${PW}\n"
	lines, err := readAll(NewReader("t", strings.NewReader(input), Options{Lookup: mapLookup(map[string]string{"PW": secret})}))
	if err != nil || len(lines) != 3 {
		t.Fatalf("lines %d, err %v", len(lines), err)
	}
	for _, l := range lines {
		if strings.Contains(l.Display, secret) {
			t.Errorf("Display %q shows the secret", l.Display)
		}
		if !strings.Contains(l.Text, secret) {
			t.Errorf("Text %q lacks the value", l.Text)
		}
	}
}
