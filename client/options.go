package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// optionNames returns the upper-cased names among options typed in IMAP
// syntax: the atoms outside parentheses and quotes, so that
// "CHILDREN STATUS (MESSAGES UNSEEN)" gives CHILDREN and STATUS, and
// "(MIN PARTIAL 1:100)" gives MIN, PARTIAL and 1:100. One pair of
// parentheses around the whole is read through.
func optionNames(s string) []string {
	s = strings.TrimSpace(s)
	if inner, ok := outerGroup(s); ok {
		s = inner
	}
	var names []string
	depth, start := 0, -1
	flush := func(end int) {
		if start >= 0 {
			names = append(names, strings.ToUpper(s[start:end]))
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			flush(i)
			depth++
		case c == ')':
			flush(i)
			depth--
		case c == ' ' || c == '\t' || c == '"':
			flush(i)
		case depth == 0 && start < 0:
			start = i
		}
	}
	flush(len(s))
	return names
}

// outerGroup returns the inside of s when s is one parenthesised group.
func outerGroup(s string) (string, bool) {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return "", false
	}
	depth := 0
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 {
			return "", false // (a) (b)
		}
	}
	return s[1 : len(s)-1], true
}

// optionCaps maps option names to the capability each needs; "" needs
// none beyond the command's own.
func optionCaps(names []string, caps map[string]Cap) []Cap {
	var out []Cap
	for _, n := range names {
		if cp := caps[n]; cp != "" {
			out = append(out, cp)
		}
	}
	return out
}

// checkOptions checks the command's Need, then each capability an option
// asked for.
func (c *Client) checkOptions(name string, need Need, caps ...Cap) error {
	if err := c.check(name, need, ""); err != nil {
		return err
	}
	for _, cp := range caps {
		if err := c.check(name, need, cp); err != nil {
			return err
		}
	}
	return nil
}

// groupArg writes options typed with or without their parentheses as one
// parenthesised list, checked by RawArgs: "MIN MAX" and "(MIN MAX)" both
// go as (MIN MAX), "()" as ().
func groupArg(a *wire.Command, opts string) {
	opts = strings.TrimSpace(opts)
	if inner, ok := outerGroup(opts); ok {
		opts = inner
	}
	a.Raw("(").RawArgs(opts).Raw(")")
}
