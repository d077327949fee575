package cmdline

import (
	"fmt"
	"strings"
)

// Lookup finds the value of a ${NAME} reference.
type Lookup func(name string) (string, bool)

// Expand replaces the ${NAME} references of a line with their values, so
// that each value reads back as data: the lexer sees exactly the value's
// bytes where the reference stood, and no value can split or join words,
// open or close a quote, a group or an IMAP literal.
//
//   - Inside a quoted string the value is escaped (\ and "):
//     login bob "${P}" sends P whole.
//   - As a whole word (between blanks, parentheses or the ends of the
//     line) the value goes bare when the lexer reads it back unchanged and
//     it holds no literal marker ({5}), else as a quoted string:
//     login bob ${P} with P = " lead" is login bob " lead".
//   - Inside a longer bare word (user.${U}) a value that would need quotes
//     is an error: the word has to be quoted.
//
// "$${" is a literal "${". Expand returns the names used, in order of
// first use; an undefined name is an error.
func Expand(line string, lookup Lookup) (string, []string, error) {
	return expand(line, lookup, asData)
}

// ExpandText replaces the references of s with their values as they are,
// for text that is not a command line (the file name of \i).
func ExpandText(s string, lookup Lookup) (string, []string, error) {
	return expand(s, lookup, func(value string, _ refPlace) (string, bool) { return value, true })
}

// refPlace is where a reference stands in a line.
type refPlace int

const (
	inQuotes  refPlace = iota // inside a double-quoted string
	wholeWord                 // delimited by blanks, parentheses or the line's ends
	inWord                    // part of a longer bare word
)

// expand walks s, tracking double quotes as the lexer does, and writes
// each reference's value through render.
func expand(s string, lookup Lookup, render func(string, refPlace) (string, bool)) (string, []string, error) {
	var out strings.Builder
	var names []string
	quoted := false
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], "$${"):
			out.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			name, width, err := ParseRef(s[i:])
			if err != nil {
				return "", nil, err
			}
			value, ok := lookup(name)
			if !ok {
				return "", nil, fmt.Errorf("undefined variable ${%s} (\\set %s VALUE, or export it)", name, name)
			}
			text, ok := render(value, placeOf(s, i, i+width, quoted))
			if !ok {
				return "", nil, fmt.Errorf("${%s} is part of a longer word and its value holds a blank, quote, bracket or literal marker: put the word in double quotes", name)
			}
			out.WriteString(text)
			names = addName(names, name)
			i += width
		case quoted && c == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			out.WriteString(s[i : i+2])
			i += 2
		default:
			if c == '"' {
				quoted = !quoted
			}
			out.WriteByte(c)
			i++
		}
	}
	return out.String(), names, nil
}

// placeOf says where the reference s[start:end] stands.
func placeOf(s string, start, end int, quoted bool) refPlace {
	switch {
	case quoted:
		return inQuotes
	case (start == 0 || IsBlank(s[start-1]) || s[start-1] == '(') &&
		(end == len(s) || IsBlank(s[end]) || s[end] == ')'):
		return wholeWord
	}
	return inWord
}

// asData writes a value so that the lexer reads it back as the value.
func asData(value string, place refPlace) (string, bool) {
	bare := Quote(value) == value && !hasLiteralMarker(value) && !hasControl(value)
	switch {
	case place == inQuotes:
		return escapeQuoted(value), true
	case bare:
		return value, true
	case place == wholeWord:
		return `"` + escapeQuoted(value) + `"`, true
	}
	return "", value == "" // an empty value adds nothing to a word
}

// hasLiteralMarker reports an IMAP literal marker: "{" and a digit.
func hasLiteralMarker(s string) bool {
	for i := strings.IndexByte(s, '{'); i >= 0 && i+1 < len(s); {
		if s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
		next := strings.IndexByte(s[i+1:], '{')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// hasControl reports a control character (C0 or DEL).
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0
}

func addName(names []string, name string) []string {
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append(names, name)
}

// ParseRef reads the "${NAME}" at the start of s and returns NAME and the
// reference's length in bytes.
func ParseRef(s string) (string, int, error) {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return "", 0, fmt.Errorf("unterminated ${ (write $${ for a literal ${)")
	}
	name := s[2:end]
	if !validName(name) {
		return "", 0, fmt.Errorf("bad variable name %q in %s (write $${ for a literal ${)", name, s[:end+1])
	}
	return name, end + 1, nil
}

// validName reports whether name is a letter or '_' followed by letters,
// digits or '_' (ASCII).
func validName(name string) bool {
	if name == "" {
		return false
	}
	for i, c := range name {
		letter := c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		digit := c >= '0' && c <= '9'
		if !letter && !(digit && i > 0) {
			return false
		}
	}
	return true
}

// IsReference reports whether arg consists only of one or more ${NAME}
// references, such as "${IMAP_PASSWORD}": a secret written that way is
// not a secret on the line.
func IsReference(arg string) bool {
	if arg == "" {
		return false
	}
	for arg != "" {
		if !strings.HasPrefix(arg, "${") {
			return false
		}
		_, width, err := ParseRef(arg)
		if err != nil {
			return false
		}
		arg = arg[width:]
	}
	return true
}
