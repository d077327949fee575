package cmdline

import (
	"errors"
	"strings"
	"testing"
)

// show renders items back: words as [text] (quoted ones as "text"),
// lists as {...}.
func show(items []Item) string {
	var parts []string
	for _, it := range items {
		switch {
		case it.IsList:
			parts = append(parts, "{"+show(it.List)+"}")
		case it.Quoted:
			parts = append(parts, `"`+it.Text+`"`)
		default:
			parts = append(parts, "["+it.Text+"]")
		}
	}
	return strings.Join(parts, " ")
}

func TestItems(t *testing.T) {
	tests := map[string]string{
		"()":                             "",
		"(CONDSTORE)":                    "[CONDSTORE]",
		"(QRESYNC (1 2 1:5 (1,3 5,7)))":  "[QRESYNC] {[1] [2] [1:5] {[1,3] [5,7]}}",
		`("INBOX" "Sent Items" Sent*)`:   `"INBOX" "Sent Items" [Sent*]`,
		"( STATUS  (MESSAGES\tUNSEEN) )": "[STATUS] {[MESSAGES] [UNSEEN]}",
		`("a)b")`:                        `"a)b"`,
		"(PARTIAL -1:-100 COUNT)":        "[PARTIAL] [-1:-100] [COUNT]",
	}
	for in, want := range tests {
		got, err := Items(in)
		if err != nil || show(got) != want {
			t.Errorf("Items(%q) = %s, %v; want %s", in, show(got), err, want)
		}
	}
	for _, bad := range []string{"", "A", "(A", "(A) (B)", "(a(b))", "(a)b", "(< x)", `("open)`, "(BODY[1])",
		"((((((((((x))))))))))"} {
		if got, err := Items(bad); err == nil {
			t.Errorf("Items(%q) = %s, want an error", bad, show(got))
		}
	}
	if _, err := Items("QRESYNC"); !errors.Is(err, ErrNotGroup) {
		t.Errorf("Items of a word: %v, want ErrNotGroup", err)
	}
}

// FuzzItems: any input gives items or an error, never a panic; a list
// read back is a group again.
func FuzzItems(f *testing.F) {
	for _, seed := range []string{"(QRESYNC (1 2 1:5 (1,3 5,7)))", `("a b" (c))`, "(((", "(a(b))", `("\")`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, err := Items(s)
		if err != nil {
			return
		}
		for _, it := range items {
			if it.IsList && !IsGroup(it.Text) {
				t.Fatalf("Items(%q): list %q is not a group", s, it.Text)
			}
		}
	})
}
