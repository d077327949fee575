package repl

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/render"
	"imapsh/scripts"
)

// The shell's own commands, starting with a backslash as in psql.
func init() {
	on := []Arg{{Name: "on|off", Kind: completion.Switch, Optional: true}}
	register(
		&Command{Name: `\help`, Aliases: []string{"help", `\?`}, Group: groupShell, States: anyState,
			Args:    []Arg{{Name: "topic", Kind: completion.Topic, Optional: true}},
			Summary: "list the commands available now, or explain one",
			Help:    "help             what this server and state allow, and what the rest need\nhelp all         every command\nhelp fetch       one command\nhelp scripts     the .imap script format",
			Run:     runHelp},
		&Command{Name: `\connect`, Group: groupShell, States: anyState, Args: []Arg{{Name: "url", Kind: completion.URL}},
			Summary: "open a new session (the current one is logged out)",
			Help:    "\\connect imaps://alice@mail.example.org/INBOX\n\\connect imap://alice;AUTH=PLAIN@localhost:143\n\\connect alice@mail.example.org   (no scheme: imap:// for port 143, else imaps://)",
			Run:     runConnect},
		&Command{Name: `\reconnect`, Group: groupShell, States: anyState,
			Summary: "connect again to the same server and re-select the mailbox", Run: runReconnect},
		&Command{Name: `\trace`, Group: groupShell, States: anyState, Args: on,
			Summary: "show the wire (C:/S: lines, secrets masked) on stderr", Run: runTrace},
		&Command{Name: `\raw`, Group: groupShell, States: anyState, Args: on,
			Summary: "print the server's lines as received instead of rendering them",
			Run:     toggle(func(s *Session, v bool) { s.cfg.Raw = v })},
		&Command{Name: `\json`, Group: groupShell, States: anyState, Args: on,
			Summary: "print one JSON object per command",
			Run:     toggle(func(s *Session, v bool) { s.cfg.JSON = v })},
		&Command{Name: `\pipeline`, Group: groupShell, States: anyState, Args: on,
			Summary: "in scripts, send commands without waiting for each answer (RFC 9051 section 5.5)",
			Help:    pipelineHelp, Run: toggle(func(s *Session, v bool) { s.cfg.Pipeline = v })},
		&Command{Name: `\timing`, Group: groupShell, States: anyState, Args: on,
			Summary: "show how long each command took",
			Run:     toggle(func(s *Session, v bool) { s.timing = v })},
		&Command{Name: `\i`, Aliases: []string{`\include`}, Group: groupShell, States: anyState,
			Args: []Arg{{Name: "file", Kind: completion.Path}}, Summary: "run a .imap script through this shell",
			Help: "Errors stop the script (\\set ON_ERROR_STOP off to go on). See help scripts.", Run: runInclude},
		&Command{Name: `\o`, Group: groupShell, States: anyState,
			Args: []Arg{{Name: "file", Kind: completion.Path, Optional: true}}, Summary: "copy output to a file too; \\o alone stops",
			Help: "\\o out.txt   the file is private (0600) and replaced if it exists, without colours\n" +
				"A write failure (a full disk) is reported once; the output goes on to the terminal\n" +
				"and the exit status is 1.",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return nil, s.setTee(in.Arg("file"))
			}},
		&Command{Name: `\set`, Group: groupShell, States: anyState,
			Args:    []Arg{{Name: "name", Kind: completion.Variable, Optional: true}, {Name: "value", Kind: completion.Secret, Optional: true}},
			Summary: "set a variable for ${NAME} in scripts, or list them",
			Help: "\\set                    list the variables (values hidden)\n\\set PASS hunter2        used as login alice ${PASS}\n" +
				"\\set ON_ERROR_STOP off   scripts go on after errors (exit status 3 at the end)",
			Run: runSet},
		&Command{Name: `\unset`, Group: groupShell, States: anyState, Args: []Arg{{Name: "name", Kind: completion.Variable}},
			Summary: "remove a variable",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				delete(s.vars, in.Arg("name"))
				return nil, nil
			}},
		&Command{Name: `\history`, Group: groupShell, States: anyState, Summary: "show the saved history (secrets are masked)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				for i, e := range s.cfg.History.Entries() {
					fmt.Fprintf(s.out, "%5d  %s\n", i+1, e)
				}
				return nil, nil
			}},
		&Command{Name: `\quit`, Aliases: []string{`\q`, "quit", "exit"}, Group: groupShell, States: anyState,
			Summary: "log out and leave the shell",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				s.quit = true
				return nil, nil
			}},
		&Command{Name: `\expect`, Group: groupShell, States: anyState, Args: []Arg{{Name: "expectation", Kind: completion.Rest}},
			Summary: "check the result of the previous command (ok|no|bad, code, count, exists, match)",
			Help:    scripts.FormatHelp, Run: runExpect},
		&Command{Name: `\echo`, Group: groupShell, States: anyState, Args: []Arg{{Name: "text", Kind: completion.Rest, Optional: true}},
			Summary: "print a line",
			Help:    "The text is printed as written: ${NAME} stays unexpanded, since a variable may hold a secret.",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				fmt.Fprintln(s.out, displayArgs(in))
				return nil, nil
			}},
	)
}

// toggle makes an on|off command.
func toggle(set func(*Session, bool)) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		if !in.Has("on|off") {
			return nil, &UsageError{in.Cmd, "say on or off"}
		}
		v, _ := parseSwitch(in.Arg("on|off"))
		set(s, v)
		return nil, nil
	}
}

func runTrace(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if s.tap == nil {
		return nil, errors.New(`the trace can only be switched when imapsh starts with a wire tap (try --trace)`)
	}
	return toggle(func(s *Session, v bool) { s.tap.setTracing(v, render.SafeWriter(s.cfg.Stderr)) })(ctx, s, in)
}

func runSet(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	name := in.Arg("name")
	switch {
	case name == "":
		names := make([]string, 0, len(s.vars))
		for k := range s.vars {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			fmt.Fprintf(s.out, "%s = ***\n", k)
		}
	case name == "ON_ERROR_STOP":
		v, err := parseSwitch(in.Arg("value"))
		if err != nil {
			return nil, &UsageError{in.Cmd, "ON_ERROR_STOP is on or off"}
		}
		s.stopOnError = v
	default:
		s.vars[name] = in.Arg("value")
	}
	return nil, nil
}

// runExpect checks the previous IMAP command. One that fails is reported
// in place of the command's own failure; \expect no|bad|code that holds
// excuses a NO or BAD (see scripts.Expectation.Anticipates).
func runExpect(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	exp, err := scripts.ParseExpect(in.Arg("expectation"))
	if err != nil {
		return nil, err
	}
	if s.last == nil {
		return nil, errors.New(`\expect: no command to check yet`)
	}
	if err := exp.Check(s.last); err != nil {
		s.pending = false
		return nil, fmt.Errorf("%s: %v (after %s)", exp, err, s.lastLine)
	}
	if exp.Anticipates() {
		s.pending = false
	}
	return nil, nil
}

// location is "file:line: " for a script source that knows it.
func (s *Session) location() string {
	if l, ok := s.src.(interface{ Location() string }); ok && l.Location() != "" {
		return l.Location() + ": "
	}
	return ""
}

// runHelp shows help on the commands, or the script format.
func runHelp(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	topic := strings.ToLower(in.Arg("topic"))
	switch topic {
	case "":
		s.writeHelp(s.out, false)
	case "all":
		s.writeHelp(s.out, true)
	case "scripts":
		for _, l := range strings.Split(scripts.FormatHelp, "\n") {
			writeIndented(s.out, l, "", s.helpWidth())
		}
	default:
		cmd := byName[topic]
		if cmd == nil {
			cmd = byName[`\`+topic]
		}
		if cmd == nil {
			return nil, &UnknownCommandError{Name: in.Arg("topic")}
		}
		s.writeCommandHelp(s.out, cmd)
	}
	return nil, nil
}
