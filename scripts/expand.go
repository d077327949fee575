package scripts

import (
	"fmt"
	"os"
	"strings"
)

// ChainLookup returns a Lookup that asks each lookup in turn and uses the first
// that defines the name, e.g. ChainLookup(setVars, os.LookupEnv) for the REPL's
// \set variables first, then the environment. Nil lookups are skipped.
func ChainLookup(lookups ...func(name string) (string, bool)) func(name string) (string, bool) {
	return func(name string) (string, bool) {
		for _, look := range lookups {
			if look == nil {
				continue
			}
			if v, ok := look(name); ok {
				return v, true
			}
		}
		return "", false
	}
}

// expand replaces ${NAME} references in s with their values and "$${" with a
// literal "${". It returns the expanded text and the names used, in order of
// first use.
func expand(s string, lookup func(string) (string, bool)) (string, []string, error) {
	if lookup == nil {
		lookup = os.LookupEnv
	}
	var out strings.Builder
	var names []string
	seen := map[string]bool{}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			out.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			name, width, err := parseRef(s[i:])
			if err != nil {
				return "", nil, err
			}
			value, ok := lookup(name)
			if !ok {
				return "", nil, fmt.Errorf("undefined variable ${%s} (\\set %s VALUE, or export it)", name, name)
			}
			out.WriteString(value)
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
			i += width
		default:
			out.WriteByte(s[i])
			i++
		}
	}
	return out.String(), names, nil
}

// parseRef reads the "${NAME}" at the start of s and returns NAME and the
// reference's length in bytes.
func parseRef(s string) (string, int, error) {
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
// references, such as "${IMAP_PASSWORD}". HasLiteralSecret implementations use
// it to accept secrets written as variables.
func IsReference(arg string) bool {
	if arg == "" {
		return false
	}
	for arg != "" {
		if !strings.HasPrefix(arg, "${") {
			return false
		}
		_, width, err := parseRef(arg)
		if err != nil {
			return false
		}
		arg = arg[width:]
	}
	return true
}
