package repl

import (
	"context"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"imapsh/client"
	"imapsh/history"
	"imapsh/render"
)

// Session holds the connection and the shell's state. It implements
// completion.Source from caches refreshed after each command, so the
// completer (called from readline's goroutine) never touches the client.
type Session struct {
	cfg    Config
	c      *client.Client // nil when not connected
	target *Target
	tap    *WireTap // nil when Config.Trace is not a *WireTap
	out    io.Writer
	tee    *os.File    // \o FILE
	rec    *recorder   // --record FILE, \record FILE
	pipe   pipeline    // \pipeline on: commands in flight (pipeline.go)
	live   *liveOutput // the running command's streamed output (stream.go)
	notify func(context.Context) (context.Context, context.CancelFunc)

	vars        map[string]string
	stopOnError bool
	timing      bool
	last        *outcome // the last IMAP command, for \expect
	lastLine    string   // and its line as shown
	pending     bool     // a failed command whose \expect may excuse it
	pendingErr  error    // its NO/BAD with the script location, shown if not excused
	failures    int
	lost        bool
	fileFailed  atomic.Bool // a recording or \o file could not be written (exit status 1)
	quit        bool
	shownAlerts map[*client.StatusResponse]bool // rendered inline (alerts.go)
	src         LineSource

	mu    sync.Mutex // guards the caches below
	cache sourceCache
}

// sourceCache is what completion reads.
type sourceCache struct {
	state     client.State
	caps      []string
	mailboxes []string
	flags     []string
	vars      []string
}

// NewSession returns a session over c (nil when not connected) to t (nil
// when unknown).
func NewSession(cfg Config, c *client.Client, t *Target) *Session {
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.History == nil {
		cfg.History = history.Disabled()
	}
	s := &Session{cfg: cfg, c: c, target: t, out: cfg.Stdout, vars: map[string]string{},
		stopOnError: !cfg.ContinueOnError, notify: interruptContext}
	s.tap, _ = cfg.Trace.(*WireTap)
	s.refreshCache()
	return s
}

// interruptContext cancels the command's context on Ctrl-C (SIGINT).
func interruptContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt)
}

// Lookup returns a \set variable, for ${NAME} expansion in scripts
// (scripts.ChainLookup(s.Lookup, os.LookupEnv)).
func (s *Session) Lookup(name string) (string, bool) {
	v, ok := s.vars[name]
	return v, ok
}

// connected reports whether a usable connection exists.
func (s *Session) connected() bool {
	return s.c != nil && s.c.State() != client.StateLogout
}

// currentState is the client's state, StateLogout when not connected.
func (s *Session) currentState() client.State {
	if !s.connected() {
		return client.StateLogout
	}
	return s.c.State()
}

// hasCap reports whether the server announced one of caps (any when the
// capabilities are not known).
func (s *Session) hasCap(caps []string) bool {
	if len(caps) == 0 || !s.connected() || !s.c.HasCapsKnown() {
		return true
	}
	for _, cp := range caps {
		if s.c.HasCap(cp) {
			return true
		}
	}
	return false
}

// Prompt is "alice@host INBOX[42]> ", with (ro) after EXAMINE and
// "(not connected)> " without a connection.
func (s *Session) Prompt() string {
	if !s.connected() {
		return "(not connected)> "
	}
	p := "imap"
	if s.target != nil {
		p = s.target.place()
	}
	if m := s.c.Mailbox(); m != nil {
		p += " " + m.Name + "[" + strconv.FormatUint(uint64(m.Exists), 10) + "]"
		if m.ReadOnly {
			p += "(ro)"
		}
	}
	return p + "> "
}

// renderOptions are the options for render.
// width is the layout width now: the terminal's current one when known.
func (s *Session) width() int {
	if s.cfg.WidthNow != nil {
		if w := s.cfg.WidthNow(); w > 0 {
			return w
		}
	}
	return s.cfg.Width
}

func (s *Session) renderOptions() render.Options {
	opt := render.Options{Color: s.cfg.Color, Width: s.width()}
	if s.cfg.Piped {
		opt.MaxSection = -1 // whole sections for files and pipes
	}
	return opt
}

// refreshCache copies what completion needs from the client.
func (s *Session) refreshCache() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.state = s.currentState()
	s.cache.caps, s.cache.flags = nil, nil
	if s.connected() {
		s.cache.caps = s.c.Caps()
		if m := s.c.Mailbox(); m != nil {
			s.cache.flags = append(append([]string(nil), m.PermanentFlags...), m.Flags...)
		}
	}
	s.cache.vars = s.cache.vars[:0]
	for k := range s.vars {
		s.cache.vars = append(s.cache.vars, k)
	}
	sort.Strings(s.cache.vars)
}

// setMailboxes replaces the cached mailbox names (from a LIST or LSUB).
func (s *Session) setMailboxes(names []string) {
	s.mu.Lock()
	s.cache.mailboxes = append([]string(nil), names...)
	s.mu.Unlock()
}

// State implements completion.Source.
func (s *Session) State() client.State { s.mu.Lock(); defer s.mu.Unlock(); return s.cache.state }

// Caps implements completion.Source.
func (s *Session) Caps() []string { s.mu.Lock(); defer s.mu.Unlock(); return s.cache.caps }

// Mailboxes implements completion.Source.
func (s *Session) Mailboxes() []string { s.mu.Lock(); defer s.mu.Unlock(); return s.cache.mailboxes }

// Flags implements completion.Source.
func (s *Session) Flags() []string { s.mu.Lock(); defer s.mu.Unlock(); return s.cache.flags }

// Variables implements completion.Source.
func (s *Session) Variables() []string { s.mu.Lock(); defer s.mu.Unlock(); return s.cache.vars }
