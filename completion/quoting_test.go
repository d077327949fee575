package completion_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"imapsh/repl"
)

// namedSource is a selected session with these mailbox names.
type namedSource struct {
	fakeSource
	names []string
}

func (n namedSource) Mailboxes() []string { return n.names }

func TestRewrite(t *testing.T) {
	german := namedSource{selected, []string{"INBOX", "Grüße aus Köln", "Grünkohl", "Grüße aus Bonn", "日本語 A", "日本語 B", "Arc\"hive", "Bad \u202ename"}}
	tests := []struct {
		name string
		src  namedSource
		line string
		pos  int // -1: the end
		want string
	}{
		{"one name with blanks", german, "select Grüße aus K", -1, ""}, // three words: not one mailbox
		{"one name", german, "select Grüße aus", -1, ""},
		{"the unique match", namedSource{selected, []string{"Grüße aus Köln", "INBOX"}}, "select Grü", -1, `select "Grüße aus Köln" `},
		{"several: open the quote", german, "select Grü", -1, `select "Grü`},
		{"several: their common start", german, "select Grüß", -1, `select "Grüße aus `},
		{"wide characters", german, "examine 日本", -1, `examine "日本語 `},
		{"a quote in the name", german, "select Arc", -1, `select "Arc\"hive" `},
		{"second argument", german, "copy 1:5 Grüß", -1, `copy 1:5 "Grüße aus `},
		{"fake's Sent and Sent Items", namedSource{selected, selected.Mailboxes()}, "select Sent", -1, `select "Sent`},
		{"no name needs quotes", namedSource{selected, selected.Mailboxes()}, "select Arc", -1, ""},
		{"quoted already", german, `select "Grü`, -1, ""},
		{"not a mailbox", german, "fetch Grü", -1, ""},
		{"a file after >", german, "fetch 1 BODY[] > Grü", -1, ""},
		{"cursor inside", german, "select Grü", 8, ""},
		{"no match", german, "select Zz", -1, ""},
		{"unsafe names are left out", german, "select Bad", -1, ""},
		{"a command word", german, "sel", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := repl.NewCompleter(tt.src)
			line := []rune(tt.line)
			pos := tt.pos
			if pos < 0 {
				pos = len(line)
			}
			got, ok := c.Rewrite(line, pos)
			if string(got) != tt.want || ok != (tt.want != "") {
				t.Errorf("Rewrite(%q, %d) = %q, %v; want %q", tt.line, pos, string(got), ok, tt.want)
			}
		})
	}
}

// TestRewriteThenTab: after the opening quote, the next Tab goes on
// inside the quotes.
func TestRewriteThenTab(t *testing.T) {
	c := repl.NewCompleter(namedSource{selected, []string{"Grüße aus Köln", "Grüße aus Bonn"}})
	line, ok := c.Rewrite([]rune("select Grü"), len([]rune("select Grü")))
	if !ok {
		t.Fatal("no rewrite")
	}
	got, n := c.Do(line, len(line))
	if len(got) != 2 || string(got[0]) != `Bonn" ` || string(got[1]) != `Köln" ` || n != len([]rune(`"Grüße aus `)) {
		t.Errorf("Do(%q) = %q, %d", string(line), got, n)
	}
}

// TestRewritePaths: a file or directory name with a blank is completed
// quoted, as the line must be typed for the shell to read it as one
// word (append INBOX < /tmp/dir with space/ read "with" as a stray word).
func TestRewritePaths(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dir with space"), 0o700)
	for _, f := range []string{"dir with space/my msg.eml", "a b.eml", "a c.eml", "plain.eml", "q\"uote.eml"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o600)
	}
	tests := []struct{ line, want string }{
		{"append INBOX < " + dir + "/di", `append INBOX < "` + dir + `/dir with space/`},
		{"fetch 1 BODY[] > " + dir + "/a", `fetch 1 BODY[] > "` + dir + `/a `},
		{"fetch 1 BODY[] > " + dir + "/a b", ""}, // two words: not one file name
		{"save 4 2 " + dir + "/a", `save 4 2 "` + dir + `/a `},
		{`\o ` + dir + "/q", `\o "` + dir + `/q\"uote.eml" `},
		{"append INBOX < " + dir + "/pl", ""}, // no quotes needed: the usual completion
		{"append INBOX < " + dir + "/zz", ""},
		{"select " + dir + "/di", ""}, // a mailbox, not a file
	}
	c := repl.NewCompleter(namedSource{selected, nil})
	for _, tt := range tests {
		line := []rune(tt.line)
		got, ok := c.Rewrite(line, len(line))
		if string(got) != tt.want || ok != (tt.want != "") {
			t.Errorf("Rewrite(%q) = %q, %v; want %q", tt.line, string(got), ok, tt.want)
		}
	}
}

// TestPathTabInQuotes: after an opening quote, Tab goes on inside it: a
// file's name is closed with its quote and a space, a directory's is not.
func TestPathTabInQuotes(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dir with space", "sub dir"), 0o700)
	os.WriteFile(filepath.Join(dir, "dir with space", "my msg.eml"), nil, 0o600)
	c := repl.NewCompleter(namedSource{selected, nil})
	for _, tt := range []struct {
		line string
		want []string
	}{
		{`append INBOX < "` + dir + "/dir with space/m", []string{`y msg.eml" `}},
		{`append INBOX < "` + dir + "/dir with space/s", []string{`ub dir/`}},
		{`save 4 2 "` + dir + "/dir w", []string{`ith space/`}},
		{`append INBOX < "` + dir + `/dir with space/`, []string{`my msg.eml" `, `sub dir/`}},
	} {
		line := []rune(tt.line)
		got, _ := c.Do(line, len(line))
		var strs []string
		for _, g := range got {
			strs = append(strs, string(g))
		}
		if !reflect.DeepEqual(strs, tt.want) {
			t.Errorf("Do(%q) = %q, want %q", tt.line, strs, tt.want)
		}
	}
}
