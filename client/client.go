package client

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"imapsh/client/internal/wire"
)

// Limits bound what a server can make the client hold in memory; see
// wire.Limits. The zero value means the defaults.
type Limits = wire.Limits

// Options configure a Client. The zero value is usable.
type Options struct {
	// Trace, if set, receives the wire as events, passwords and SASL data
	// marked secret and never handed over; TextTrace(w) writes them as
	// "C: " and "S: " lines with *** for secrets.
	Trace Tracer
	// Limits bound memory use against hostile servers.
	Limits Limits
	// CommandTimeout bounds each command (IDLE excepted); 0 means 2 minutes.
	CommandTimeout time.Duration
	// GreetingTimeout bounds the wait for the greeting; 0 means 30 s.
	GreetingTimeout time.Duration
	// IdleRenewal is how long one IDLE command lasts before Idle ends it
	// and sends it again; 0 means DefaultIdleRenewal.
	IdleRenewal time.Duration
	// AllowPlaintextAuth permits LOGIN and PLAIN-like mechanisms on a
	// connection without TLS. Off by default.
	AllowPlaintextAuth bool
	// MaxCommandMemory is the budget of one command: about how many bytes
	// of untagged data its Result may keep (see keep.go); past it the
	// client keeps reading but stops keeping, and Result.Dropped says so.
	// It also bounds one response (Limits.MaxResponse and MaxLiteral)
	// unless Limits set those. 0 means DefaultCommandMemory (64 MiB).
	MaxCommandMemory int64
}

// Client is one IMAP connection. Its methods are not safe for concurrent
// use, except Close.
type Client struct {
	opts       Options
	raw        io.ReadWriteCloser // the transport (TCP, TLS, or a command's pipes)
	netConn    net.Conn           // the network connection; nil for command pipes
	dl         deadliner          // where deadlines go: netConn, or a command's pipes
	rd         io.Reader          // what the bufio.Reader reads (raw or inflated)
	wr         io.Writer          // what the bufio.Writer writes (raw or deflated)
	flusher    interface{ Flush() error }
	br         *bufio.Reader
	bw         *bufio.Writer
	dec        *wire.Decoder
	trace      *tracer
	tagNum     int
	state      State
	caps       CapSet
	capOrder   []string
	mbox       *Mailbox
	enabled    map[string]bool
	compressed bool     // COMPRESS=DEFLATE is on
	auth       AuthInfo // how the session was authenticated (resume.go)
	tls        bool
	greeting   *StatusResponse
	closed     atomic.Bool // set by Close, which may run on another goroutine
	queue      []*pending
	stored     retained[Response] // untagged data kept for Responses (imaplib's response())
	codes      retained[*Code]
	alerts     retained[Alert] // [ALERT]s not yet taken (Alerts)
	budget     int64           // Options.MaxCommandMemory or its default
	respSize   int64           // estimated size of the response just read
	discard    bodyDiscard     // body sections of the response just read that nobody asked for
	discardTo  SectionSink     // c.discardSection, made once
	deferred   *deferral       // set while Defer runs its call (pipeline.go)
	warned     []error         // warnings of the response just read (wire.Decoder.Warn)
	lastWord   string          // a BYE, BAD or line not placed, just read (lastword.go)
	wmu        sync.Mutex      // writes: IDLE's DONE comes from another goroutine
}

const (
	defaultCommandTimeout  = 2 * time.Minute
	defaultGreetingTimeout = 30 * time.Second
)

// New starts a session on an established connection (plain, TLS, or a
// command's stdin/stdout) and reads the greeting. A PREAUTH greeting puts
// the client in the authenticated state; BYE is an error.
func New(conn io.ReadWriteCloser, opts *Options) (*Client, error) {
	c := newClient(conn, opts)
	if err := c.readGreeting(); err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

func newClient(conn io.ReadWriteCloser, opts *Options) *Client {
	c := &Client{raw: conn, state: StateNotAuthenticated, enabled: map[string]bool{}}
	if opts != nil {
		c.opts = *opts
	}
	if c.opts.CommandTimeout == 0 {
		c.opts.CommandTimeout = defaultCommandTimeout
	}
	if c.opts.GreetingTimeout == 0 {
		c.opts.GreetingTimeout = defaultGreetingTimeout
	}
	if c.opts.IdleRenewal == 0 {
		c.opts.IdleRenewal = DefaultIdleRenewal
	}
	c.budget = c.opts.MaxCommandMemory
	if c.budget <= 0 {
		c.budget = DefaultCommandMemory
	}
	if c.opts.Limits.MaxResponse == 0 {
		c.opts.Limits.MaxResponse = c.budget
	}
	c.discardTo = c.discardSection
	c.trace = &tracer{out: c.opts.Trace}
	if nc, ok := conn.(net.Conn); ok {
		c.netConn, c.dl = nc, nc
		_, c.tls = conn.(*tls.Conn)
	} else if d, ok := conn.(deadliner); ok {
		c.dl = d
	}
	c.setStreams(conn, conn, nil)
	return c
}

// setStreams installs the reader and writer chain (after STARTTLS or
// COMPRESS) with fresh buffers.
func (c *Client) setStreams(r io.Reader, w io.Writer, f interface{ Flush() error }) {
	c.rd, c.wr, c.flusher = r, w, f
	var src io.Reader = r
	if c.trace.enabled() {
		src = &teeReader{r: r, t: c.trace}
	}
	c.br = bufio.NewReaderSize(src, 64<<10)
	c.bw = bufio.NewWriterSize(w, 16<<10)
	if c.dec == nil {
		c.dec = wire.NewDecoder(c.br, c.opts.Limits)
	} else {
		c.dec.Reset(c.br)
	}
}

func (c *Client) readGreeting() error {
	c.deadline(c.opts.GreetingTimeout)
	defer c.deadline(0)
	if err := c.sniffGreeting(); err != nil {
		return err
	}
	st, err := c.readGreetingLine()
	if err != nil {
		return err
	}
	if c.alertBeforeGreeting(st) {
		if st, err = c.readGreetingLine(); err != nil {
			return err
		}
	}
	c.greeting = st
	switch st.Status {
	case "PREAUTH":
		c.state = StateAuthenticated
		c.noteAuth("PREAUTH", "", nil)
	case "BYE":
		c.closed.Store(true)
		return &Error{Command: "greeting", StatusResponse: st}
	}
	return nil
}

// readGreetingLine reads one untagged status line of the greeting and
// applies it: [CAPABILITY ...] on the greeting counts too (its warnings,
// c.warned, are reported with the first command's result), and [ALERT]
// is recorded.
func (c *Client) readGreetingLine() (*StatusResponse, error) {
	resp, err := c.readOne()
	if err != nil {
		return nil, err
	}
	st, ok := resp.(*StatusResponse)
	if !ok || st.Tag != "" {
		return nil, &ProtocolError{Err: &wire.SyntaxError{Expected: "greeting (* OK, * PREAUTH or * BYE)", Got: resp.Kind()}}
	}
	c.apply(st)
	c.recordAlert(st, "greeting")
	return st, nil
}

// lateGreetingWait is how long a command stream's OK [ALERT] first line
// waits for a PREAUTH greeting after it.
const lateGreetingWait = 500 * time.Millisecond

// alertBeforeGreeting reports whether st, the first line of a command
// stream (DialCommand, --stream), is an alert that came before the real
// greeting, a "* PREAUTH" that follows at once. Courier-IMAP 5.0.13's
// imapd started preauthenticated where FAM/gamin is missing writes
// "* OK [ALERT] Filesystem notification initialization error ..." and
// then "* PREAUTH Ready." (the lab's courier-preauth.sh shows it); read
// as the greeting, the OK left the session unauthenticated. Command
// streams only: on a network connection a PREAUTH after an OK greeting
// could be injected to skip STARTTLS and is never taken.
func (c *Client) alertBeforeGreeting(st *StatusResponse) bool {
	if _, stream := c.raw.(*cmdConn); !stream || st.Status != "OK" || st.Code == nil || st.Code.Name != "ALERT" {
		return false
	}
	c.deadline(lateGreetingWait)
	defer c.deadline(c.opts.GreetingTimeout)
	next, _ := c.br.Peek(len("* PREAUTH "))
	return strings.EqualFold(string(next), "* PREAUTH ")
}

// deadline sets the connection's deadline d from now (0 clears it).
func (c *Client) deadline(d time.Duration) {
	if c.dl == nil {
		return
	}
	if d == 0 {
		c.dl.SetDeadline(time.Time{})
		return
	}
	c.dl.SetDeadline(time.Now().Add(d))
}

// deadliner is a connection that can time out reads and writes: a
// net.Conn, or the pipes of a command (DialCommand).
type deadliner interface {
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
}

// Greeting returns the server's greeting.
func (c *Client) Greeting() *StatusResponse { return c.greeting }

// State returns the connection state (RFC 9051 section 3).
func (c *Client) State() State {
	if c.closed.Load() {
		return StateLogout
	}
	return c.state
}

// Mailbox returns what is known of the selected mailbox, or nil.
func (c *Client) Mailbox() *Mailbox { return c.mbox }

// IsTLS reports whether the connection is encrypted.
func (c *Client) IsTLS() bool { return c.tls }

// Caps returns the server's capabilities as last announced, in the order
// the server listed them.
func (c *Client) Caps() []string { return append([]string(nil), c.capOrder...) }

// HasCap reports whether the server announced a capability (case-insensitive).
func (c *Client) HasCap(name string) bool { return c.caps[strings.ToUpper(name)] }

// CapSet returns the server's capabilities as last announced, nil when
// none are known yet; CapSet.Has knows what IMAP4rev2 includes.
func (c *Client) CapSet() CapSet { return c.caps }

// HasCapsKnown reports whether the client has a capability list at all.
func (c *Client) HasCapsKnown() bool { return c.caps != nil }

// Enabled reports whether ENABLE switched an extension on (RFC 5161).
func (c *Client) Enabled(name string) bool { return c.enabled[strings.ToUpper(name)] }

// UTF8Names reports whether the session is in UTF-8 mode: after ENABLE
// UTF8=ACCEPT (RFC 6855 section 3) or ENABLE IMAP4rev2 (RFC 9051 section
// 5.1), mailbox names travel in UTF-8, not modified UTF-7, in both
// directions, and quoted strings may carry UTF-8, so that a non-ASCII name
// or search word needs no literal.
func (c *Client) UTF8Names() bool {
	return c.enabled["UTF8=ACCEPT"] || c.enabled["IMAP4REV2"]
}

func (c *Client) setCaps(caps []string) {
	c.caps = NewCapSet(caps)
	c.capOrder = caps
}

// Close closes the connection without LOGOUT.
func (c *Client) Close() error {
	c.closed.Store(true)
	return c.raw.Close()
}
