package repl

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/internal/cmdline"
)

// Input is a command line bound to a command's arguments.
type Input struct {
	Cmd     *Command
	Line    string // the line as run (variables expanded)
	Written string // the line as written (variables unexpanded), secrets in clear: never shown
	Display string // the line as shown: Written with its secrets masked
	In, Out string // redirection files, "" when absent
	vals    map[string]string
	lists   map[string][]string
}

// Arg returns the value of an argument ("" when an optional one is absent).
// A rest-of-line argument is the raw remainder, IMAP quoting intact.
func (in *Input) Arg(name string) string { return in.vals[name] }

// Has reports whether an argument was given.
func (in *Input) Has(name string) bool {
	_, ok := in.vals[name]
	return ok
}

// List returns the words of a repeated or rest-of-line argument.
func (in *Input) List(name string) []string { return in.lists[name] }

// UsageError is a line that does not fit the command's arguments.
type UsageError struct {
	Cmd *Command
	Msg string
}

// Error implements error: "fetch: missing SEQSET".
func (e *UsageError) Error() string { return e.Cmd.Name + ": " + e.Msg }

// bind checks tokens (after the command name) against cmd.Args.
func bind(cmd *Command, line string, toks []cmdline.Token) (*Input, error) {
	in := &Input{Cmd: cmd, Line: line, vals: map[string]string{}, lists: map[string][]string{}}
	words, err := in.takeRedirections(toks)
	if err != nil {
		return nil, err
	}
	for _, a := range cmd.Args {
		if len(words) == 0 {
			if !a.Optional {
				return nil, &UsageError{cmd, "missing " + strings.ToUpper(a.Name)}
			}
			continue
		}
		n := 1
		if a.Repeat || a.Kind.TakesRest() {
			n = len(words)
		}
		for _, w := range words[:n] {
			if err := parseArg(a.Kind, w.Text); err != nil {
				return nil, &UsageError{cmd, fmt.Sprintf("%s: %v", strings.ToUpper(a.Name), err)}
			}
		}
		if n > 1 || a.Repeat || a.Kind.TakesRest() {
			in.bindRest(a, line, words)
			words = nil
			break
		}
		in.vals[a.Name] = words[0].Text
		words = words[1:]
	}
	if len(words) > 0 {
		if firstSecretArg(cmd) >= 0 { // the extra word may be part of a password
			return nil, &UsageError{cmd, "too many arguments (quote a password that has spaces)"}
		}
		return nil, &UsageError{cmd, fmt.Sprintf("unexpected %q", words[0].Raw)}
	}
	return in, nil
}

// takeRedirections removes "< FILE" and "> FILE" and checks that the
// command accepts them. Redirections come last: a word after one (say a
// path with an unquoted space) would otherwise end up in the IMAP command.
func (in *Input) takeRedirections(toks []cmdline.Token) ([]cmdline.Token, error) {
	var words []cmdline.Token
	redirected := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == cmdline.TokWord {
			if redirected {
				return nil, &UsageError{in.Cmd, fmt.Sprintf("unexpected %q after the redirection (quote a file name with spaces)", t.Raw)}
			}
			words = append(words, t)
			continue
		}
		redirected = true
		if i+1 >= len(toks) || toks[i+1].Kind != cmdline.TokWord {
			return nil, &UsageError{in.Cmd, t.Raw + " needs a FILE"}
		}
		if (t.Kind == cmdline.TokRedirIn && !in.Cmd.In) || (t.Kind == cmdline.TokRedirOut && !in.Cmd.Out) {
			return nil, &UsageError{in.Cmd, "does not take " + t.Raw + " FILE"}
		}
		if t.Kind == cmdline.TokRedirIn {
			in.In = toks[i+1].Text
		} else {
			in.Out = toks[i+1].Text
		}
		i++
	}
	return words, nil
}

// bindRest binds the remaining words: their texts as a list, and the raw
// text from the first to the last (a single quoted word is unquoted, so
// "(UID BODY[TEXT])" and (UID BODY[TEXT]) agree).
func (in *Input) bindRest(a Arg, line string, words []cmdline.Token) {
	texts := make([]string, len(words))
	for i, w := range words {
		texts[i] = w.Text
	}
	in.lists[a.Name] = texts
	raw := line[words[0].Start:words[len(words)-1].End()]
	if len(words) == 1 {
		raw = words[0].Text
	}
	in.vals[a.Name] = raw
}

var storeOpRE = regexp.MustCompile(`(?i)^[+-]?FLAGS(\.SILENT)?$`)

// parseArg checks one word against its kind. Every kind has a rule here:
// the table's consistency test calls it for each.
func parseArg(k completion.ArgKind, s string) error {
	switch k {
	case completion.SeqSet:
		if !client.ValidSet(s) {
			return fmt.Errorf("%q is not a sequence set (like 1:5,7,9:*)", s)
		}
	case completion.Number:
		if _, err := strconv.ParseUint(s, 10, 32); err != nil {
			return fmt.Errorf("%q is not a number", s)
		}
	case completion.StoreOp:
		if !storeOpRE.MatchString(s) && !unchangedSinceRE.MatchString(s) {
			return fmt.Errorf("%q is not FLAGS, +FLAGS or -FLAGS (optionally .SILENT), nor (UNCHANGEDSINCE n)", s)
		}
	case completion.Switch:
		if _, err := parseSwitch(s); err != nil {
			return err
		}
	case completion.Date:
		if _, err := client.ParseInternalDate(s); err != nil {
			return fmt.Errorf("%q is not a date like \"04-Mar-2024 09:15:00 +0100\"", s)
		}
	case completion.SortKeys:
		if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") {
			return fmt.Errorf("%q is not a parenthesised sort list like (REVERSE DATE)", s)
		}
	case completion.Atom, completion.Mailbox, completion.Pattern, completion.FetchItems,
		completion.SearchKeys, completion.Flags, completion.FlagList, completion.StatusItems,
		completion.Secret, completion.User, completion.Rights, completion.Identifier,
		completion.Capability, completion.Mechanism, completion.Path, completion.Rest,
		completion.Topic, completion.Variable, completion.URL:
		return nil // free text: the server (or the handler) judges
	default:
		return fmt.Errorf("no parser for argument kind %v", k)
	}
	return nil
}

// parseSwitch reads on|off.
func parseSwitch(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "on", "true", "1", "yes":
		return true, nil
	case "off", "false", "0", "no":
		return false, nil
	}
	return false, fmt.Errorf("%q is not on or off", s)
}
