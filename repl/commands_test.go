package repl

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"imapsh/client"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestTableConsistency walks the command table: every entry is complete,
// names are unique, optional arguments come last (the kinds' own rules are
// cmdline's table of kinds, tested there).
func TestTableConsistency(t *testing.T) {
	seen := map[string]string{}
	for _, c := range Commands() {
		if c.Summary == "" || c.Run == nil || c.Group == "" {
			t.Errorf("%s: needs a summary, a handler and a group", c.Name)
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
}

// TestNeedsAreTheClients: the states and capabilities of every IMAP
// command come from the client's declaration (client.Needs, which the
// client's methods check), never from the shell: an IMAP entry points at
// a field of client.Needs, a meta-command at nothing or (\probe, which runs
// IMAP commands) at a field too. So the shell and the client cannot
// disagree (enable with IMAP4rev2 once did).
func TestNeedsAreTheClients(t *testing.T) {
	fields := map[*client.Need]string{}
	v := reflect.ValueOf(&client.Needs).Elem()
	for i := 0; i < v.NumField(); i++ {
		fields[v.Field(i).Addr().Interface().(*client.Need)] = v.Type().Field(i).Name
	}
	for _, c := range Commands() {
		if _, ok := fields[c.Need]; !ok && (!c.IsMeta() || c.Need != nil) {
			t.Errorf("%s: Need must point at a field of client.Needs", c.Name)
		}
	}
	rev2 := client.NewCapSet([]string{"IMAP4rev2"})
	if !CommandAvailable("enable", client.StateAuthenticated, rev2) || !CommandAvailable("move", client.StateSelected, rev2) {
		t.Error("enable and move must be available on an IMAP4rev2 server")
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
		if a.Keyword != "" && (!a.Optional || a.Repeat || a.Kind.TakesRest()) {
			t.Errorf("%s: keyword argument %s must be optional and one word", c.Name, a.Name)
		}
		if (a.Repeat || a.Kind.TakesRest()) && !last {
			t.Errorf("%s: %s takes the rest of the line but is not last", c.Name, a.Name)
		}
		optional = optional || (a.Optional && a.Keyword == "" && !a.Grouped) // those bind only when they match
	}
}

// TestImaplibNames checks that every imaplib method is reachable.
func TestImaplibNames(t *testing.T) {
	names := `append authenticate capability check close copy create delete deleteacl enable examine select
	expunge fetch getacl getannotation getquota getquotaroot idle list login login_cram_md5 logout lsub myrights
	namespace noop partial proxyauth recent rename response search setacl setannotation setquota sort starttls
	status store subscribe thread unselect unsubscribe xatom move id getmetadata setmetadata listrights compress raw`
	for _, n := range strings.Fields(names) {
		if commandNamed(n) == nil {
			t.Errorf("no command %q", n)
		}
	}
	for _, n := range strings.Fields("fetch store copy move search sort thread expunge") {
		if commandNamed("uid "+n) == nil {
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
	s.writeCommandHelp(&b, commandNamed("fetch"))
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
		if got := commandNamed(name).Usage(); got != want {
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

func TestMain(m *testing.M) {
	unknownArg = func(cmd, name string) {
		panic(fmt.Sprintf("%s asks for argument %q, which it does not declare", cmd, name))
	}
	os.Exit(m.Run())
}

// TestArgumentNamesExist reads the package's source: every argument name a
// handler asks for as a literal (in.Arg("mailbox"), in.Has, in.List,
// s.secret(in, "password")) is declared by a command of the table, so a
// typo fails here even if no test runs that handler; TestMain's
// unknownArg catches a name valid for another command.
func TestArgumentNamesExist(t *testing.T) {
	declared := map[string]bool{}
	for _, c := range Commands() {
		for _, a := range c.Args {
			declared[a.Name] = true
		}
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if name, ok2 := argNameOf(call); ok && ok2 && !declared[name] {
				t.Errorf("%s: argument %q is declared by no command", fset.Position(call.Pos()), name)
			}
			return true
		})
	}
}

// argNameOf returns the literal argument name of in.Arg("x"), in.Has("x"),
// in.List("x") and s.secret(in, "x").
func argNameOf(call *ast.CallExpr) (string, bool) {
	if call == nil {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	arg := call.Args[0]
	switch x, _ := sel.X.(*ast.Ident); {
	case x != nil && x.Name == "in" && (sel.Sel.Name == "Arg" || sel.Sel.Name == "Has" || sel.Sel.Name == "List"):
	case x != nil && x.Name == "s" && sel.Sel.Name == "secret" && len(call.Args) == 2:
		arg = call.Args[1]
	default:
		return "", false
	}
	lit, ok := arg.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	name, err := strconv.Unquote(lit.Value)
	return name, err == nil
}

// TestHelpTwoWordCommand: the commands named by two words (uid fetch,
// uid sort) have help of their own.
func TestHelpTwoWordCommand(t *testing.T) {
	h := newHarness(t, nil)
	h.run("help uid sort", "help UID Fetch")
	out := h.stdout.String()
	for _, want := range []string{"usage: uid sort ", "usage: uid fetch UIDS ITEMS..."} {
		if !strings.Contains(out, want) {
			t.Errorf("help output lacks %q:\n%s\nstderr: %s", want, out, h.stderr)
		}
	}
}
