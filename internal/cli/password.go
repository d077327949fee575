package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// EnvPassword names the environment variable holding the password.
const EnvPassword = "IMAPSH_PASSWORD"

// ErrNoPassword means no source could supply a password.
var ErrNoPassword = errors.New("no password available")

// Passwords finds the password for an account, trying in order: a password
// remembered for that exact account (from the URL, or the demo's), the one
// the current session logged in with (kept for \reconnect), the
// --password-command, $IMAPSH_PASSWORD, and a no-echo prompt.
type Passwords struct {
	// Command is run by /bin/sh; its first output line is the password.
	Command string
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// Prompt asks on the terminal without echo; nil when there is none.
	Prompt func(prompt string) (string, error)

	mu    sync.Mutex
	known map[string]string // account key -> password
	kept  keptPassword      // what the current session logged in with
}

// keptPassword is the password the current session logged in with, held
// in memory only (never written anywhere) so that \reconnect does not ask
// again (issue 11, defect 7); a connection to another account drops it.
type keptPassword struct{ account, password string }

// Remember stores a password for one account (user at host:port), used
// ahead of every other source when that account connects.
func (p *Passwords) Remember(user, hostport, password string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.known == nil {
		p.known = map[string]string{}
	}
	p.known[user+"@"+hostport] = password
}

// Keep holds the password a session of user at hostport logged in with,
// replacing the one held before.
func (p *Passwords) Keep(user, hostport, password string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.kept = keptPassword{account: user + "@" + hostport, password: password}
}

// Switch drops the kept password unless it is user's at hostport: a
// session to another account starts.
func (p *Passwords) Switch(user, hostport string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.kept.account != user+"@"+hostport {
		p.kept = keptPassword{}
	}
}

// Drop forgets the kept password (the server refused it).
func (p *Passwords) Drop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.kept = keptPassword{}
}

// SetPrompt installs the prompt function (readline's, once it exists).
func (p *Passwords) SetPrompt(f func(string) (string, error)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Prompt = f
}

// Get returns the password for user at hostport, or ErrNoPassword.
func (p *Passwords) Get(ctx context.Context, user, hostport string) (string, error) {
	p.mu.Lock()
	pw, ok := p.known[user+"@"+hostport]
	kept := p.kept
	prompt := p.Prompt
	p.mu.Unlock()
	switch {
	case ok:
		return pw, nil
	case kept.account == user+"@"+hostport && kept.password != "":
		return kept.password, nil
	case p.Command != "":
		return RunPasswordCommand(ctx, p.Command)
	}
	getenv := p.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if pw := getenv(EnvPassword); pw != "" {
		return pw, nil
	}
	if prompt == nil {
		return "", ErrNoPassword
	}
	return prompt(fmt.Sprintf("password for %s@%s: ", user, hostport))
}

// RunPasswordCommand runs cmd with /bin/sh -c and returns the first line
// of its output (like mutt's or git's credential helpers). The command's
// stderr passes through so it can prompt (pass, gpg).
func RunPasswordCommand(ctx context.Context, cmd string) (string, error) {
	c := exec.CommandContext(ctx, "/bin/sh", "-c", cmd)
	c.Stderr = os.Stderr
	out, err := c.Output()
	if err != nil {
		return "", fmt.Errorf("--password-command: %w", err)
	}
	line, _, _ := bytes.Cut(out, []byte("\n"))
	pw := strings.TrimSuffix(string(line), "\r")
	if pw == "" {
		return "", errors.New("--password-command printed an empty first line")
	}
	return pw, nil
}

// SplitURLPassword removes the password from a URL's user information
// (imap://user:password@host/...) and returns the URL without it and the
// password, percent-decoded; ok is false when there is none. The rest of the
// URL is kept byte for byte; one without a scheme (user:password@host)
// too. Such passwords land in shell history and process lists, so the
// caller warns.
func SplitURLPassword(raw string) (stripped, password string, ok bool) {
	scheme, rest, found := strings.Cut(raw, "://")
	prefix := scheme + "://"
	if !found {
		prefix, rest = "", raw
	}
	authority := rest
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		authority = rest[:end]
	}
	at := strings.LastIndexByte(authority, '@')
	if at < 0 {
		return raw, "", false
	}
	user, pass, hasPass := strings.Cut(authority[:at], ":")
	if !hasPass || pass == "" {
		return raw, "", false
	}
	if decoded, err := url.PathUnescape(pass); err == nil {
		pass = decoded
	}
	return prefix + user + rest[at:], pass, true
}
