package repl

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/render"
	"imapsh/scripts"
)

// The shell's own commands, starting with a backslash as in psql.
func init() {
	on := []Arg{{Name: "on|off", Kind: cmdline.Switch, Optional: true}}
	register(
		&Command{Command: cmdline.Command{Name: `\help`, Aliases: []string{"help", `\?`},
			Args: []Arg{{Name: "topic", Kind: cmdline.Topic, Optional: true, Repeat: true, Usage: "TOPIC"}}}, Group: groupShell, Paged: true,
			Summary: "list the commands available now, or explain one",
			Help:    "help             what this server and state allow, and what the rest need\nhelp all         every command\nhelp fetch       one command\nhelp scripts     the .imap script format",
			Run:     runHelp},
		&Command{Command: cmdline.Command{Name: `\connect`, Args: []Arg{{Name: "url", Kind: cmdline.URL}}}, Group: groupShell, Recorded: true,
			Summary: "open a new session (the current one is logged out)",
			Help:    "\\connect imaps://alice@mail.example.org/INBOX\n\\connect imap://alice;AUTH=PLAIN@localhost:143\n\\connect alice@mail.example.org   (no scheme: imap:// for port 143, else imaps://)",
			Run:     runConnect},
		&Command{Command: cmdline.Command{Name: `\reconnect`}, Group: groupShell, Recorded: true,
			Summary: "connect again to the same server and restore the session",
			Help: "Logs in with the password kept from before, then turns COMPRESS on again if it was,\n" +
				"ENABLEs again what was enabled, and opens the mailbox the way it was opened: an\n" +
				"examined one stays read-only (EXAMINE), CONDSTORE is asked for again. It says what it\n" +
				"restored. After a second Ctrl-C closed the connection, this is the way back.",
			Run: runReconnect},
		&Command{Command: cmdline.Command{Name: `\trace`, Args: on}, Group: groupShell,
			Summary: "show the wire (C:/S: lines, secrets masked) on stderr", Run: runTrace},
		&Command{Command: cmdline.Command{Name: `\raw`, Args: on}, Group: groupShell,
			Summary: "print the server's lines as received instead of rendering them",
			Run:     toggle(func(s *Session, v bool) { s.raw = v })},
		&Command{Command: cmdline.Command{Name: `\json`, Args: on}, Group: groupShell,
			Summary: "print one JSON object per command",
			Run:     toggle(func(s *Session, v bool) { s.json = v })},
		&Command{Command: cmdline.Command{Name: `\pipeline`, Args: on}, Group: groupShell,
			Summary: "in scripts, send commands without waiting for each answer (RFC 9051 section 5.5)",
			Help:    pipelineHelp, Run: toggle(func(s *Session, v bool) { s.cfg.Pipeline = v })},
		&Command{Command: cmdline.Command{Name: `\timing`, Args: on}, Group: groupShell,
			Summary: "show how long each command took",
			Run:     toggle(func(s *Session, v bool) { s.timing = v })},
		&Command{Command: cmdline.Command{Name: `\i`, Aliases: []string{`\include`},
			Args: []Arg{{Name: "file", Kind: cmdline.Path}}}, Group: groupShell,
			Summary: "run a .imap script through this shell",
			Help:    "Errors stop the script (\\set ON_ERROR_STOP off to go on). See help scripts.", Run: runInclude},
		&Command{Command: cmdline.Command{Name: `\o`,
			Args: []Arg{{Name: "file", Kind: cmdline.Path, Optional: true}}}, Group: groupShell,
			Summary: "copy output to a file too; \\o alone stops",
			Help: "\\o out.txt   the file is private (0600) and replaced if it exists, without colours\n" +
				"A write failure (a full disk) is reported once; the output goes on to the terminal\n" +
				"and the exit status is 1.",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return nil, s.setTee(in.Arg("file"))
			}},
		&Command{Command: cmdline.Command{Name: `\set`,
			Args: []Arg{{Name: "name", Kind: cmdline.Variable, Optional: true}, {Name: "value", Kind: cmdline.Secret, Optional: true}}}, Group: groupShell, Recorded: true, SetsVariable: true,
			Summary: "set a variable for ${NAME} in scripts, or list them",
			Help: "\\set                    list the variables' names, and which are secret (values are never shown)\n" +
				"\\set PASS hunter2        used as login alice ${PASS}\n" +
				"\\set ON_ERROR_STOP off   scripts go on after errors (exit status 3 at the end)",
			Run: runSet},
		&Command{Command: cmdline.Command{Name: `\unset`, Args: []Arg{{Name: "name", Kind: cmdline.Variable}}}, Group: groupShell, Recorded: true,
			Summary: "remove a variable",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				delete(s.vars, in.Arg("name"))
				delete(s.secretVars, in.Arg("name"))
				return nil, nil
			}},
		&Command{Command: cmdline.Command{Name: `\history`}, Group: groupShell, Paged: true, Summary: "show the saved history (secrets are masked)",
			Run: runHistory},
		&Command{Command: cmdline.Command{Name: `\quit`, Aliases: []string{`\q`, "quit", "exit"}}, Group: groupShell,
			Summary: "log out and leave the shell",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				s.quit = true
				return nil, nil
			}},
		&Command{Command: cmdline.Command{Name: `\expect`, Args: []Arg{{Name: "expectation", Kind: cmdline.Rest}}}, Group: groupShell, Checks: true,
			Summary: "check the result of the previous command (ok|no|bad, code, count, exists, match)",
			Help:    scripts.FormatHelp, Run: runExpect},
		&Command{Command: cmdline.Command{Name: `\echo`, Args: []Arg{{Name: "text", Kind: cmdline.Rest, Optional: true}}}, Group: groupShell,
			Summary: "print a line",
			Help:    "The text is printed as written: ${NAME} stays unexpanded, since a variable may hold a secret.",
			Run:     runEcho},
	)
}

// toggle makes an on|off command.
func toggle(set func(*Session, bool)) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		if !in.Has("on|off") {
			return nil, &UsageError{in.Cmd, "say on or off"}
		}
		v, _ := cmdline.ParseSwitch(in.Arg("on|off"))
		set(s, v)
		return nil, nil
	}
}

func runTrace(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if s.tap == nil {
		return nil, errors.New(`the trace can only be switched when imapsh starts with a wire tap (try --trace)`)
	}
	return toggle(func(s *Session, v bool) { s.tap.setTracing(v, client.TextTrace(render.SafeWriter(s.stderr))) })(ctx, s, in)
}

func runSet(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	name := in.Arg("name")
	switch {
	case name == "":
		s.listVariables()
	case name == "ON_ERROR_STOP":
		v, err := cmdline.ParseSwitch(in.Arg("value"))
		if err != nil {
			return nil, &UsageError{in.Cmd, "ON_ERROR_STOP is on or off"}
		}
		s.stopOnError = v
	default:
		s.vars[name] = in.Arg("value")
		s.secretVars[name] = secretName(name) || s.setFromSecret(in)
	}
	return nil, nil
}

// runEcho prints its text as written (variables unexpanded).
func runEcho(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	text := displayArgs(in)
	if s.json {
		s.shellJSON().Output = &text
		return nil, nil
	}
	fmt.Fprintln(s.out, text)
	return nil, nil
}

// runHistory shows the saved history, secrets masked.
func runHistory(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	entries := s.cfg.History.Entries()
	if s.json {
		s.shellJSON().History = append([]string{}, entries...)
		return nil, nil
	}
	for i, e := range entries {
		fmt.Fprintf(s.out, "%5d  %s\n", i+1, e)
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
		s.excuse()
		return nil, fmt.Errorf("%s: %v (after %s)", exp, err, s.lastLine)
	}
	if exp.Anticipates() {
		s.excuse()
	}
	return nil, nil
}

// runHelp shows help on the commands, or the script format; with --json
// as the help field of the command's object (helpjson.go).
func runHelp(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	topic := strings.ToLower(strings.Join(in.List("topic"), " ")) // help uid fetch
	var cmd *Command
	if topic != "" && topic != "all" && topic != "scripts" {
		if cmd = commandNamed(topic); cmd == nil {
			cmd = commandNamed(`\` + topic)
		}
		if cmd == nil {
			return nil, &UnknownCommandError{Name: strings.Join(in.List("topic"), " ")}
		}
	}
	if s.json {
		s.shellJSON().Help = s.helpJSON(topic, cmd)
		return nil, nil
	}
	switch topic {
	case "", "all":
		s.writeHelp(s.out, topic == "all")
	case "scripts":
		for _, l := range strings.Split(scripts.FormatHelp, "\n") {
			writeIndented(s.out, l, "", s.helpWidth())
		}
	default:
		s.writeCommandHelp(s.out, cmd)
	}
	return nil, nil
}
