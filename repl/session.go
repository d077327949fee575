package repl

import (
	"imapsh/client"
	"imapsh/history"
)

// Session is the shell: the command loop over a LineSource, made of one
// part per concern, each with its own type and files:
//
//   - conn (conn.go): the connection, its target and wire tap;
//   - output (outstate.go, output.go, stream.go, alerts.go, dropped.go):
//     where results, errors and notes go, and in what form;
//   - runState (run.go): the line source, failures, stop rules, \expect;
//   - compCache (cache.go): what completion reads, safe from readline's
//     goroutine;
//
// and the recording (record.go), the pipeline (pipeline.go) and the \set
// variables.
type Session struct {
	cfg Config // Connect, History, TLS, Pipeline, Record: the rest is in the parts
	conn
	output
	runState
	cache *compCache
	rec   *recorder         // --record FILE, \record FILE
	pipe  pipeline          // \pipeline on: commands in flight (pipeline.go)
	vars  map[string]string // \set
	gate  promptGate        // the completer's LIST borrows the connection at the prompt (complist.go)
	// secretVars marks the \set variables that hold a secret (vars.go).
	secretVars map[string]bool
}

// NewSession returns a session over c (nil when not connected) to t (nil
// when unknown).
func NewSession(cfg Config, c *client.Client, t *Target) *Session {
	if cfg.History == nil {
		cfg.History = history.Disabled()
	}
	s := &Session{cfg: cfg, conn: conn{c: c, target: t, tap: cfg.Tap, interrupts: signalInterrupts},
		runState: runState{stopOnError: !cfg.ContinueOnError}, cache: &compCache{}, vars: map[string]string{}, secretVars: map[string]bool{}}
	s.output.configure(cfg)
	s.cache.lister = s.listForCompletion
	s.refreshCache()
	return s
}

// Lookup returns a \set variable, for ${NAME} expansion in scripts
// (scripts.ChainLookup(s.Lookup, os.LookupEnv)).
func (s *Session) Lookup(name string) (string, bool) {
	v, ok := s.vars[name]
	return v, ok
}

// Prompt is "alice@host INBOX[42]> ", with (ro) after EXAMINE and
// "(not connected)> " without a connection. The user shows only once
// logged in: after a failed login it is "host> " (issue 11, defect 3).
func (s *Session) Prompt() string { return s.prompt() }

// refreshCache copies what completion needs from the connection.
func (s *Session) refreshCache() { s.cache.update(&s.conn, s.vars) }
