package cmdline

import (
	"errors"
	"fmt"
	"strings"
)

// Item is one element of a parenthesised list typed in IMAP syntax
// (select parameters, RETURN options, LIST patterns): a word, unquoted
// when it was one quoted string, or a nested list.
type Item struct {
	Text   string // the word's text; the list as typed for a list
	Quoted bool   // the word was one quoted string
	List   []Item // the elements of a nested list
	IsList bool
}

// ErrNotGroup is a word that should be a parenthesised list and is not.
var ErrNotGroup = errors.New("not a parenthesised list")

// maxGroupDepth bounds the nesting Items follows.
const maxGroupDepth = 8

// Items reads a word that is one parenthesised list, "(a "b c" (d e))",
// into its elements; words split as the lexer splits them. A bracket, an
// unbalanced or misplaced parenthesis ("a(b"), a redirection sign or
// nesting deeper than 8 is an error.
func Items(s string) ([]Item, error) { return items(s, 0) }

func items(s string, depth int) ([]Item, error) {
	if !IsGroup(s) {
		return nil, fmt.Errorf("%w: %s", ErrNotGroup, s)
	}
	if depth == maxGroupDepth {
		return nil, fmt.Errorf("lists nested deeper than %d", maxGroupDepth)
	}
	var out []Item
	for _, tok := range LexTolerant(s[1 : len(s)-1]) {
		item, err := itemOf(tok, depth)
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

// itemOf turns one token of a list into an Item.
func itemOf(tok Token, depth int) (Item, error) {
	switch {
	case tok.Kind != TokWord || tok.Open:
		return Item{}, fmt.Errorf("unexpected %q in a list", tok.Raw)
	case strings.HasPrefix(tok.Raw, "("):
		list, err := items(tok.Raw, depth+1)
		return Item{Text: tok.Raw, List: list, IsList: true}, err
	case !tok.Quoted && strings.ContainsAny(tok.Raw, "()[]"):
		return Item{}, fmt.Errorf("unexpected %q in a list (put a blank between words and lists)", tok.Raw)
	}
	return Item{Text: tok.Text, Quoted: tok.Quoted}, nil
}
