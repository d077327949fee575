package repl

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/completion"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestTableConsistency walks the command table: every entry is complete,
// names are unique, optional arguments come last, and every argument kind
// has a parser, a completer and a redaction rule.
func TestTableConsistency(t *testing.T) {
	seen := map[string]string{}
	for _, c := range Commands() {
		if c.Summary == "" || c.Run == nil || c.Group == "" || c.States == 0 {
			t.Errorf("%s: needs a summary, a handler, a group and states", c.Name)
		}
		if strings.HasSuffix(c.Summary, ".") || c.Summary != strings.TrimSpace(c.Summary) {
			t.Errorf("%s: summary %q should be one line without a final period", c.Name, c.Summary)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if prev, dup := seen[n]; dup {
				t.Errorf("name %q used by %s and %s", n, prev, c.Name)
			}
			seen[n] = c.Name
		}
		checkArgs(t, c)
	}
	for _, k := range completion.AllKinds() {
		if err := parseArg(k, "x"); err != nil && strings.HasPrefix(err.Error(), "no parser") {
			t.Errorf("kind %v has no parser", k)
		}
		if !completion.KindCompletes(k) {
			t.Errorf("kind %v has no completer", k)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("kind %v has no redaction rule: %v", k, r)
				}
			}()
			redacts(k)
		}()
	}
}

func checkArgs(t *testing.T, c *Command) {
	optional := false
	for i, a := range c.Args {
		last := i == len(c.Args)-1
		if a.Name == "" {
			t.Errorf("%s: argument %d has no name", c.Name, i)
		}
		if optional && !a.Optional {
			t.Errorf("%s: required %s after an optional argument", c.Name, a.Name)
		}
		if (a.Repeat || a.Kind.TakesRest()) && !last {
			t.Errorf("%s: %s takes the rest of the line but is not last", c.Name, a.Name)
		}
		optional = optional || a.Optional
	}
}

// TestImaplibNames checks that every imaplib method is reachable.
func TestImaplibNames(t *testing.T) {
	names := `append authenticate capability check close copy create delete deleteacl enable examine select
	expunge fetch getacl getannotation getquota getquotaroot idle list login login_cram_md5 logout lsub myrights
	namespace noop partial proxyauth recent rename response search setacl setannotation setquota sort starttls
	status store subscribe thread unselect unsubscribe xatom move id getmetadata setmetadata listrights compress raw`
	for _, n := range strings.Fields(names) {
		if byName[n] == nil {
			t.Errorf("no command %q", n)
		}
	}
	for _, n := range strings.Fields("fetch store copy move search sort thread expunge") {
		if byName["uid "+n] == nil {
			t.Errorf("no command %q", "uid "+n)
		}
	}
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestHelpGolden(t *testing.T) {
	h := newHarness(t, nil)
	s := h.sess
	var b bytes.Buffer
	notConnected := NewSession(Config{}, nil, nil)
	notConnected.writeHelp(&b, false)
	golden(t, "help_not_connected.golden", b.Bytes())

	b.Reset()
	s.writeHelp(&b, false)
	golden(t, "help_not_authenticated.golden", b.Bytes())

	ctx := context.Background()
	if _, err := s.c.Login(ctx, "demo", "demo"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	s.writeHelp(&b, false)
	golden(t, "help_selected.golden", b.Bytes())

	b.Reset()
	s.writeHelp(&b, true)
	golden(t, "help_all.golden", b.Bytes())

	b.Reset()
	s.writeCommandHelp(&b, byName["fetch"])
	golden(t, "help_fetch.golden", b.Bytes())
}

func TestHelpNotSelected(t *testing.T) {
	h := newHarness(t, nil)
	h.run("login demo demo", "help", "help fetch")
	out := h.stdout.String()
	for _, want := range []string{"now: fetch: needs a selected mailbox — hint: select INBOX",
		"usage: fetch SEQSET ITEMS... [> FILE]", "  needs a selected mailbox — hint: select INBOX:\n    check, close, copy,"} {
		if !strings.Contains(out, want) {
			t.Errorf("help output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsage(t *testing.T) {
	tests := map[string]string{
		"fetch":        "fetch SEQSET ITEMS... [> FILE]",
		"login":        "login USER [PASSWORD]",
		"append":       "append MAILBOX [FLAGS] [DATE] < FILE",
		"uid store":    "uid store UIDS OPERATION FLAGS...",
		`\set`:         `\set [NAME] [VALUE]`,
		"getquotaroot": "getquotaroot MAILBOX",
	}
	for name, want := range tests {
		if got := byName[name].Usage(); got != want {
			t.Errorf("%s usage = %q, want %q", name, got, want)
		}
	}
}

func TestFetchModifiers(t *testing.T) {
	tests := []struct {
		typed, items string
		since        uint64
		vanished     bool
	}{
		{"(FLAGS) (CHANGEDSINCE 12345)", "(FLAGS)", 12345, false},
		{"(UID FLAGS) (changedsince 7 vanished)", "(UID FLAGS)", 7, true},
		{"FLAGS (CHANGEDSINCE 3)", "FLAGS", 3, false},
		{"(FLAGS)", "(FLAGS)", 0, false},
		{"(FLAGS) (CHANGEDSINCE 0)", "(FLAGS) (CHANGEDSINCE 0)", 0, false},
		{"(FLAGS) (CHANGEDSINCE 99999999999999999999999)", "(FLAGS) (CHANGEDSINCE 99999999999999999999999)", 0, false},
		{"BODY[HEADER.FIELDS (CHANGEDSINCE)]", "BODY[HEADER.FIELDS (CHANGEDSINCE)]", 0, false},
	}
	for _, tt := range tests {
		items, opts := fetchModifiers(tt.typed)
		if items != tt.items || opts.ChangedSince != tt.since || opts.Vanished != tt.vanished {
			t.Errorf("fetchModifiers(%q) = %q, %+v", tt.typed, items, opts)
		}
	}
}
