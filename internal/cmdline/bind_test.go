package cmdline

import (
	"fmt"
	"strings"
	"testing"
)

// The shapes of list, search and sort (RFC 5258, RFC 4731, RFC 5267).
var (
	listLike = &Command{Name: "list", Args: []Arg{
		{Name: "selection", Kind: Rest, Optional: true, Grouped: true},
		{Name: "reference", Kind: Pattern, Optional: true},
		{Name: "pattern", Kind: Pattern, Optional: true},
		{Name: "options", Kind: Rest, Keyword: "RETURN", Optional: true, Grouped: true},
	}}
	searchLike = &Command{Name: "search", Args: []Arg{
		{Name: "options", Kind: Rest, Keyword: "RETURN", Optional: true, Grouped: true},
		{Name: "charset", Kind: Atom, Keyword: "CHARSET", Optional: true},
		{Name: "criteria", Kind: SearchKeys},
	}}
	sortLike = &Command{Name: "sort", Args: []Arg{
		{Name: "options", Kind: Rest, Keyword: "RETURN", Optional: true, Grouped: true},
		{Name: "order", Kind: SortKeys},
		{Name: "charset", Kind: Atom},
		{Name: "criteria", Kind: SearchKeys},
	}}
	loginLike = &Command{Name: "login", Args: []Arg{{Name: "user", Kind: User}, {Name: "password", Kind: Secret, Optional: true}}}
)

// bound shows a binding as "word=arg" pairs, a keyword as "KW:arg".
func bound(c *Command, line string) string {
	words := ArgWords(LexTolerant(line))
	b := c.Bind(words)
	var parts []string
	for i, w := range words {
		switch a := b.Args[i]; {
		case a < 0:
			parts = append(parts, w.Raw+"=?")
		case b.Keyword[i]:
			parts = append(parts, w.Raw+":"+c.Args[a].Name)
		default:
			parts = append(parts, w.Raw+"="+c.Args[a].Name)
		}
	}
	if b.Missing >= 0 {
		parts = append(parts, "missing "+c.Args[b.Missing].Name)
	}
	if b.Bare >= 0 {
		parts = append(parts, "bare "+c.Args[b.Bare].Name)
	}
	return strings.Join(parts, " ")
}

func TestBind(t *testing.T) {
	tests := []struct {
		cmd        *Command
		line, want string
	}{
		{listLike, ``, ``},
		{listLike, `*`, `*=reference`},
		{listLike, `"" *`, `""=reference *=pattern`},
		{listLike, `(SUBSCRIBED) "" *`, `(SUBSCRIBED)=selection ""=reference *=pattern`},
		{listLike, `() "" %`, `()=selection ""=reference %=pattern`},
		{listLike, `"" * RETURN (STATUS (MESSAGES))`, `""=reference *=pattern RETURN:options (STATUS (MESSAGES))=options`},
		{listLike, `RETURN (CHILDREN)`, `RETURN:options (CHILDREN)=options`},
		{listLike, `return (CHILDREN)`, `return:options (CHILDREN)=options`},
		{listLike, `"RETURN" (CHILDREN)`, `"RETURN"=reference (CHILDREN)=pattern`}, // quoted: a mailbox name
		{listLike, `"" ("INBOX" "Sent*")`, `""=reference ("INBOX" "Sent*")=pattern`},
		{listLike, `"(odd)"`, `"(odd)"=reference`}, // quoted: a name, not the selection
		{listLike, `"" * RETURN`, `""=reference *=pattern RETURN:options bare options`},
		{listLike, `"" * x`, `""=reference *=pattern x=?`},
		{searchLike, `ALL`, `ALL=criteria`},
		{searchLike, `RETURN (MIN) ALL`, `RETURN:options (MIN)=options ALL=criteria`},
		{searchLike, `RETURN () CHARSET UTF-8 SUBJECT x`, `RETURN:options ()=options CHARSET:charset UTF-8=charset SUBJECT=criteria x=criteria`},
		{searchLike, `CHARSET UTF-8 RETURN (MIN) ALL`, `CHARSET:charset UTF-8=charset RETURN=criteria (MIN)=criteria ALL=criteria`},
		{searchLike, `RETURN (MIN)`, `RETURN:options (MIN)=options missing criteria`},
		{searchLike, `CHARSET`, `CHARSET:charset missing criteria bare charset`},
		{searchLike, `OR (FROM a) (TO "b c")`, `OR=criteria (FROM a)=criteria (TO "b c")=criteria`},
		{sortLike, `(DATE) UTF-8 ALL`, `(DATE)=order UTF-8=charset ALL=criteria`},
		{sortLike, `RETURN (COUNT) (DATE) UTF-8 ALL`, `RETURN:options (COUNT)=options (DATE)=order UTF-8=charset ALL=criteria`},
		{loginLike, `bob`, `bob=user`},
		{loginLike, `bob pw extra`, `bob=user pw=password extra=?`},
	}
	for _, tt := range tests {
		if got := bound(tt.cmd, tt.line); got != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.cmd.Name, tt.line, got, tt.want)
		}
	}
}

func TestExpect(t *testing.T) {
	tests := []struct {
		cmd        *Command
		line, want string
	}{
		{listLike, ``, `selection reference pattern RETURN`},
		{listLike, `(SUBSCRIBED)`, `reference pattern RETURN`},
		{listLike, `"" *`, `RETURN`},
		{listLike, `"" * RETURN`, `options`},
		{listLike, `"" * RETURN (CHILDREN)`, ``},
		{searchLike, ``, `RETURN CHARSET criteria`},
		{searchLike, `RETURN (MIN)`, `CHARSET criteria`},
		{searchLike, `CHARSET`, `charset`},
		{searchLike, `UNSEEN`, `criteria`},
		{sortLike, ``, `RETURN order`},
		{sortLike, `RETURN (MIN)`, `order`},
		{sortLike, `(DATE)`, `charset`},
		{loginLike, `bob pw`, ``},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range tt.cmd.Expect(ArgWords(LexTolerant(tt.line))) {
			if n.Keyword {
				got = append(got, n.Arg.Keyword)
			} else {
				got = append(got, n.Arg.Name)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s %s: Expect = %s, want %s", tt.cmd.Name, tt.line, g, tt.want)
		}
	}
}

func TestIsGroup(t *testing.T) {
	for s, want := range map[string]bool{"()": true, "(A)": true, "(A (B C))": true, `("a)" b)`: true,
		"": false, "(": false, "(A) (B)": false, "A": false, `("a)`: false, "(A))": false} {
		if got := IsGroup(s); got != want {
			t.Errorf("IsGroup(%q) = %v", s, got)
		}
	}
}

// ExampleCommand_Bind shows how the words of list bind.
func ExampleCommand_Bind() {
	fmt.Println(bound(listLike, `(SPECIAL-USE) "" * RETURN (STATUS (MESSAGES UNSEEN))`))
	// Output: (SPECIAL-USE)=selection ""=reference *=pattern RETURN:options (STATUS (MESSAGES UNSEEN))=options
}
