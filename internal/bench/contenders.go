package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// transport is one way of reaching the server.
type transport struct {
	Name     string // "plain" or "tls"
	Addr     string // host:port
	Security string // config.Security: plain, tls or starttls
}

// setup is what whole-process contenders are built from.
type setup struct {
	cfg    config // account, mailbox, items; Addr and Security come from the transport
	imapsh string // the imapsh binary under test
	// baseline is another imapsh build (-baseline) run beside imapsh in
	// the same rounds, or "".
	baseline string
	self     string // this bench binary (its -phase children)
	spawner  string // spawn/main.go, which runs and measures each contender
	python   string // python3's real executable ("" when there is none)
	tmp      string // a scratch directory for > FILE targets
}

// contender is one program the rounds run, once per transport.
type contender struct {
	ID    string // short name for -only and sub-benchmark names
	Label string // what the tables show
	Group string // the mailbox, in -mode scale
	proc  func(t transport) proc
	// run, when set, measures the contender itself instead of running
	// proc (-mode startup times the first prompt on a pseudo-terminal).
	run func(t transport) (sample, error)
	// shell says that proc runs the imapsh binary (its Argv[0]).
	shell bool
}

// measure runs the contender once over t.
func (c contender) measure(t transport) (sample, error) {
	if c.run != nil {
		return c.run(t)
	}
	return runProcess(c.proc(t))
}

// phase runs one of this binary's in-process phases (drain, client,
// goimap, login) in a child, with cfg adjusted for the transport.
func (s *setup) phase(id, label, phase string, edit func(*config)) contender {
	return contender{ID: id, Label: label, proc: func(t transport) proc {
		cfg := s.cfgFor(t)
		if edit != nil {
			edit(&cfg)
		}
		return proc{Spawner: s.spawner, Argv: append([]string{s.self}, phaseArgs(phase, cfg)...), Stdout: toCapture}
	}}
}

// imaplib runs Python's imaplib FETCH of cfg.Seq and cfg.Items.
func (s *setup) imaplib(edit func(*config)) contender {
	return contender{ID: "imaplib", Label: "Python imaplib (no parsing)", proc: func(t transport) proc {
		cfg := s.cfgFor(t)
		if edit != nil {
			edit(&cfg)
		}
		return proc{Spawner: s.spawner, Argv: append([]string{s.python}, pythonArgs(cfg)...), Stdout: toCapture}
	}}
}

// shell runs the imapsh binary on the mailbox: extra flags, then
// `-c 'examine MAILBOX'` and one -c per command.
func (s *setup) shell(id, label string, stdout stdoutMode, flags []string, commands ...string) contender {
	return s.bare(id, label, stdout, flags, append([]string{"examine " + shellQuote(s.cfg.Mailbox)}, commands...)...)
}

// bare runs the imapsh binary with extra flags and one -c per command.
func (s *setup) bare(id, label string, stdout stdoutMode, flags []string, commands ...string) contender {
	return contender{ID: id, Label: label, shell: true, proc: func(t transport) proc {
		argv := append([]string{s.imapsh, "--no-history"}, flags...)
		argv = append(argv, s.connectArgs(t)...)
		for _, c := range commands {
			argv = append(argv, "-c", c)
		}
		return proc{Spawner: s.spawner, Argv: argv, Env: s.shellEnv(), Stdout: stdout}
	}}
}

// withBaseline adds after each contender that runs imapsh the same run of
// the -baseline build ("-baseline" after its ID, "(baseline)" after its
// label), so that two builds are compared in the same interleaved rounds.
func (s *setup) withBaseline(cs []contender) []contender {
	if s.baseline == "" {
		return cs
	}
	var out []contender
	for _, c := range cs {
		out = append(out, c)
		if !c.shell {
			continue
		}
		b, run := c, c.proc
		b.ID, b.Label = c.ID+"-baseline", c.Label+" (baseline)"
		b.proc = func(t transport) proc {
			p := run(t)
			p.Argv = append([]string{s.baseline}, p.Argv[1:]...)
			return p
		}
		out = append(out, b)
	}
	return out
}

// shellEnv is the environment imapsh gets beyond ours: the password.
func (s *setup) shellEnv() []string { return []string{"IMAPSH_PASSWORD=" + s.cfg.Pass} }

// connectArgs are imapsh's URL and TLS flags for a transport.
func (s *setup) connectArgs(t transport) []string {
	u := url.URL{Scheme: "imap", User: url.User(s.cfg.User), Host: t.Addr}
	switch t.Security {
	case "plain":
		return []string{"--plaintext", u.String()}
	case "tls":
		u.Scheme = "imaps"
	}
	args := []string{u.String()}
	if s.cfg.CAFile != "" {
		args = append(args, "--cafile", s.cfg.CAFile)
	}
	return args
}

// cfgFor is the phases' config for a transport.
func (s *setup) cfgFor(t transport) config {
	cfg := s.cfg
	cfg.Addr, cfg.Security = t.Addr, t.Security
	return cfg
}

// scratchFile is a path in the scratch directory.
func (s *setup) scratchFile(name string) string {
	return filepath.Join(s.tmp, name)
}

// shellQuote quotes a mailbox name for the shell's lexer when it is not
// a plain atom.
func shellQuote(name string) string {
	for _, r := range name {
		if !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return quote(name)
		}
	}
	return name
}

// only keeps the contenders whose ID is listed (all when list is empty).
func only(cs []contender, list string) ([]contender, error) {
	if list == "" {
		return cs, nil
	}
	var out []contender
	for _, id := range strings.Split(list, ",") {
		found := false
		for _, c := range cs {
			if c.ID == id {
				out, found = append(out, c), true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown contender %q (have %s)", id, contenderIDs(cs))
		}
	}
	return out, nil
}

func contenderIDs(cs []contender) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, ",")
}

// withoutPython drops the imaplib contender when python3 is missing.
func (s *setup) withoutPython(cs []contender) []contender {
	if s.python != "" {
		return cs
	}
	fmt.Fprintln(os.Stderr, "note: python3 not found; the imaplib contender is left out")
	var out []contender
	for _, c := range cs {
		if c.ID != "imaplib" {
			out = append(out, c)
		}
	}
	return out
}
