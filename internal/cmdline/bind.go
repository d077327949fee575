package cmdline

import "strings"

// Binding says which argument each word of a line binds to. Dispatch
// (the shell's bind), completion and redaction all ask Command.Bind, so
// they cannot disagree about which word is which argument.
type Binding struct {
	Args    []int  // for each word, the index of its argument in Command.Args; -1 for a word too many
	Keyword []bool // for each word, whether it is a keyword argument's keyword (the RETURN of RETURN (MIN))
	Missing int    // the first required argument without a word, or -1
	Bare    int    // a keyword argument whose keyword ends the line without its value, or -1
}

// Words returns the indexes of the words bound to argument i, keywords
// left out.
func (b *Binding) Words(i int) []int {
	var out []int
	for w, a := range b.Args {
		if a == i && !b.Keyword[w] {
			out = append(out, w)
		}
	}
	return out
}

// Extra returns the index of the first word bound to no argument, or -1.
func (b *Binding) Extra() int {
	for w, a := range b.Args {
		if a < 0 {
			return w
		}
	}
	return -1
}

// Bind assigns words (the line's words after the command name,
// redirections removed: ArgWords) to the command's arguments, in order:
//
//   - a keyword argument (Arg.Keyword) binds only when the next word is
//     its keyword, unquoted, in any case; it takes that word and the one
//     after it (RETURN (MIN MAX));
//   - a grouped argument (Arg.Grouped) that is optional binds only a
//     parenthesised word, not quoted ("(a)" is a name); otherwise it is
//     left out;
//   - another optional argument is left out when the next word is the
//     keyword of a later argument (list RETURN (CHILDREN));
//   - a repeated or rest-of-line argument takes every word left, unless
//     it is a keyword's value or a group: those are one word.
func (c *Command) Bind(words []Token) Binding {
	b := Binding{Args: make([]int, len(words)), Keyword: make([]bool, len(words)), Missing: -1, Bare: -1}
	for i := range b.Args {
		b.Args[i] = -1
	}
	w := 0
	for i, a := range c.Args {
		switch {
		case w == len(words):
			if !a.Optional && b.Missing < 0 {
				b.Missing = i
			}
			continue
		case a.Keyword != "":
			if IsKeyword(words[w], a.Keyword) {
				w = b.bindKeyword(i, w)
			}
			continue
		case a.Optional && a.Grouped && (words[w].Quoted || !IsGroup(words[w].Raw)):
			continue
		case a.Optional && c.keywordAfter(i, words[w]):
			continue
		}
		n := 1
		if a.takesRest() {
			n = len(words) - w
		}
		for ; n > 0; n-- {
			b.Args[w] = i
			w++
		}
	}
	return b
}

// bindKeyword binds the keyword at word w and its value to argument i
// and returns the index of the next word.
func (b *Binding) bindKeyword(i, w int) int {
	b.Args[w], b.Keyword[w] = i, true
	if w+1 == len(b.Args) {
		b.Bare = i
		return w + 1
	}
	b.Args[w+1] = i
	return w + 2
}

// takesRest reports whether the argument takes every word left: a
// repeated or rest-of-line one that is neither a keyword's value nor a
// group (those are one word).
func (a *Arg) takesRest() bool {
	return (a.Repeat || a.Kind.TakesRest()) && a.Keyword == "" && !a.Grouped
}

// keywordAfter reports whether word is the keyword of an argument after
// the i-th.
func (c *Command) keywordAfter(i int, word Token) bool {
	for _, a := range c.Args[i+1:] {
		if a.Keyword != "" && IsKeyword(word, a.Keyword) {
			return true
		}
	}
	return false
}

// IsKeyword reports whether a word is the keyword kw: unquoted, in any
// case. A quoted "RETURN" is a mailbox name, not a keyword.
func IsKeyword(word Token, kw string) bool {
	return !word.Quoted && word.Kind == TokWord && strings.EqualFold(word.Raw, kw)
}

// IsGroup reports whether a word is one parenthesised group: (SUBSCRIBED).
func IsGroup(s string) bool {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			end, closed := ScanQuoted(s, i)
			if !closed {
				return false
			}
			i = end - 1
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 && i != len(s)-1 {
				return false // (a) (b): two groups
			}
		}
	}
	return depth == 0
}

// Next is an argument the next word may bind to; Keyword says the word
// would be the argument's keyword itself.
type Next struct {
	Arg     Arg
	Keyword bool
}

// Expect lists what the word after words may be, for completion: the
// value of a keyword typed last, else the arguments from the one after
// the last bound, up to and including the first required one (optional
// ones may be left out; a keyword argument offers its keyword).
func (c *Command) Expect(words []Token) []Next {
	b := c.Bind(words)
	if b.Bare >= 0 {
		return []Next{{Arg: c.Args[b.Bare]}}
	}
	from := 0
	for _, i := range b.Args {
		if i < 0 {
			return nil // a word too many: nothing fits
		}
		from = i + 1
		if c.Args[i].takesRest() {
			from = i
		}
	}
	var out []Next
	for _, a := range c.Args[from:] {
		out = append(out, Next{Arg: a, Keyword: a.Keyword != ""})
		if !a.Optional && a.Keyword == "" {
			break
		}
	}
	return out
}
