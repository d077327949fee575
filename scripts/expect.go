package scripts

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Outcome is what the REPL knows about the command an \expect line follows.
type Outcome interface {
	// Status is the tagged answer's status: "OK", "NO" or "BAD"; "" if none came.
	Status() string
	// Code is the response code atom of the tagged answer (e.g. "TRYCREATE"), or "".
	Code() string
	// Count is the number of untagged responses of a kind, given in upper case
	// (e.g. "FETCH", "EXISTS", "LIST").
	Count(kind string) int
	// Exists is the selected mailbox's message count after the command; known
	// is false when no mailbox is selected.
	Exists() (n uint32, known bool)
	// RawLines are the server's lines for the command, without CRLF.
	RawLines() []string
}

// expectKind says what an Expectation checks.
type expectKind int

const (
	expectNone   expectKind = iota
	expectStatus            // \expect ok|no|bad
	expectCode              // \expect code ATOM
	expectCount             // \expect count KIND N
	expectExists            // \expect exists N
	expectMatch             // \expect match REGEX
)

// Expectation is one parsed \expect line. The zero value fails every check.
type Expectation struct {
	kind expectKind
	word string // status, code or response kind, upper case
	n    uint64 // count or exists
	re   *regexp.Regexp
}

// Anticipates reports whether the expectation, when met, says the command
// was meant to fail: \expect no, \expect bad, or a response code (which
// describes the tagged answer, as TRYCREATE does a NO). Only these excuse a
// NO or BAD in a script; \expect count, exists and match do not.
func (e Expectation) Anticipates() bool {
	return (e.kind == expectStatus && e.word != "OK") || e.kind == expectCode
}

const expectUsage = "want ok|no|bad, code ATOM, count KIND N, exists N or match REGEX"

// ParseExpect parses the arguments of an \expect line (the text after
// "\expect"): "ok", "no", "bad", "code ATOM", "count KIND N", "exists N" or
// "match REGEX". Keywords, statuses, codes and kinds are case-insensitive.
func ParseExpect(args string) (Expectation, error) {
	keyword, rest := cutWord(strings.TrimSpace(args))
	fields := strings.Fields(rest)
	switch kw := strings.ToLower(keyword); kw {
	case "ok", "no", "bad":
		if len(fields) != 0 {
			return Expectation{}, fmt.Errorf("\\expect %s takes no argument, got %q", kw, rest)
		}
		return Expectation{kind: expectStatus, word: strings.ToUpper(kw)}, nil
	case "code":
		return parseCode(fields)
	case "count":
		return parseCount(fields)
	case "exists":
		return parseExists(fields)
	case "match":
		return parseMatch(rest)
	case "":
		return Expectation{}, errors.New("\\expect needs an argument: " + expectUsage)
	default:
		return Expectation{}, fmt.Errorf("unknown expectation %q: %s", keyword, expectUsage)
	}
}

// cutWord splits s at its first blank into a word and the trimmed rest.
func cutWord(s string) (word, rest string) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

func parseCode(fields []string) (Expectation, error) {
	if len(fields) != 1 {
		return Expectation{}, errors.New("\\expect code needs one response code, e.g. \\expect code TRYCREATE")
	}
	return Expectation{kind: expectCode, word: strings.ToUpper(fields[0])}, nil
}

func parseCount(fields []string) (Expectation, error) {
	if len(fields) != 2 {
		return Expectation{}, errors.New("\\expect count needs a response kind and a number, e.g. \\expect count FETCH 5")
	}
	n, err := strconv.ParseUint(fields[1], 10, 31)
	if err != nil {
		return Expectation{}, fmt.Errorf("\\expect count: %q is not a count", fields[1])
	}
	return Expectation{kind: expectCount, word: strings.ToUpper(fields[0]), n: n}, nil
}

func parseExists(fields []string) (Expectation, error) {
	if len(fields) != 1 {
		return Expectation{}, errors.New("\\expect exists needs one number, e.g. \\expect exists 3")
	}
	n, err := strconv.ParseUint(fields[0], 10, 32)
	if err != nil {
		return Expectation{}, fmt.Errorf("\\expect exists: %q is not a message count", fields[0])
	}
	return Expectation{kind: expectExists, n: n}, nil
}

func parseMatch(pattern string) (Expectation, error) {
	if pattern == "" {
		return Expectation{}, errors.New("\\expect match needs a regular expression")
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return Expectation{}, fmt.Errorf("\\expect match: %v", err)
	}
	return Expectation{kind: expectMatch, re: re}, nil
}

// Check returns nil when the outcome meets the expectation, and otherwise an
// error saying what was expected and what came.
func (e Expectation) Check(o Outcome) error {
	switch e.kind {
	case expectStatus:
		return checkEqual(e.word, o.Status(), "no tagged answer")
	case expectCode:
		return checkEqual("code "+e.word, prefixed("code ", o.Code()), "no response code")
	case expectCount:
		if got := o.Count(e.word); uint64(got) != e.n {
			return fmt.Errorf("expected %d %s responses, got %d", e.n, e.word, got)
		}
		return nil
	case expectExists:
		return e.checkExists(o)
	case expectMatch:
		return e.checkMatch(o)
	}
	return errors.New("empty expectation")
}

// checkEqual compares case-insensitively; none describes an empty got.
func checkEqual(want, got, none string) error {
	if strings.EqualFold(want, got) {
		return nil
	}
	if got == "" {
		got = none
	}
	return fmt.Errorf("expected %s, got %s", want, got)
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func (e Expectation) checkExists(o Outcome) error {
	n, known := o.Exists()
	if !known {
		return fmt.Errorf("expected EXISTS %d, but no mailbox is selected", e.n)
	}
	if uint64(n) != e.n {
		return fmt.Errorf("expected EXISTS %d, got %d", e.n, n)
	}
	return nil
}

func (e Expectation) checkMatch(o Outcome) error {
	lines := o.RawLines()
	for _, line := range lines {
		if e.re.MatchString(line) {
			return nil
		}
	}
	return fmt.Errorf("no server line matches /%s/ (%d lines)", e.re, len(lines))
}

// String gives the canonical "\expect ..." line, as written when recording.
func (e Expectation) String() string {
	switch e.kind {
	case expectStatus:
		return `\expect ` + strings.ToLower(e.word)
	case expectCode:
		return `\expect code ` + e.word
	case expectCount:
		return fmt.Sprintf(`\expect count %s %d`, e.word, e.n)
	case expectExists:
		return fmt.Sprintf(`\expect exists %d`, e.n)
	case expectMatch:
		return `\expect match ` + e.re.String()
	}
	return `\expect`
}
