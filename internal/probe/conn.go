package probe

import (
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"sync/atomic"
	"time"

	"imapsh/client"
)

// Target is what Probe connects to and how it logs in.
type Target struct {
	URL      string // shown in the report (without a password)
	Security client.Security
	Host     string
	Port     int
	Stream   []string // argv of --stream instead of Host and Port
	User     string   // "" = do not log in (PREAUTH sessions)
	Mech     string   // SASL mechanism from ;AUTH=; "" or "*" = the best offered
	// Password returns the password for User; ErrNoPassword leaves the
	// session unauthenticated (the report then stops after the connection).
	Password           func(ctx context.Context) (string, error)
	TLS                client.TLSOptions
	AllowPlaintextAuth bool          // a plaintext connection the user asked for (--plaintext, the demo)
	Trace              client.Tracer // --trace, --trace-file: the whole exchange, as the client traces it
	Stderr             io.Writer     // a --stream command's stderr
}

// ErrNoPassword: the target names a user but no password is available.
var ErrNoPassword = errors.New("no password")

// addr is host:port.
func (t Target) addr() string { return net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) }

// Conn is a connection the probe runs checks on.
type Conn struct {
	Client *client.Client
	Wire   *Recorder // nil when the exchange cannot be observed
	Bytes  *counter  // wire bytes, nil when not counted
}

// close logs out briefly and closes.
func (c *Conn) close() {
	if c == nil || c.Client == nil {
		return
	}
	if c.Client.State()&client.AnyState != 0 {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		c.Client.Logout(ctx)
		cancel()
	}
	c.Client.Close()
}

// clientOptions are the options of a connection the probe opens: its
// trace goes to the recorder (and the user's trace file), and a command
// may take no longer than a check.
func clientOptions(t Target, rec *Recorder, opts Options) client.Options {
	var trace client.Tracer = rec
	if t.Trace != nil {
		trace = client.TeeTrace(t.Trace, rec)
	}
	return client.Options{Trace: trace, CommandTimeout: opts.CheckTimeout, GreetingTimeout: opts.CheckTimeout,
		AllowPlaintextAuth: t.AllowPlaintextAuth}
}

// counter counts the bytes a connection reads and writes on the wire
// (below TLS and COMPRESS), for the COMPRESS ratio.
type counter struct{ in, out atomic.Int64 }

// total is the bytes read and written so far.
func (c *counter) total() int64 { return c.in.Load() + c.out.Load() }

// countingConn is a net.Conn that counts its bytes.
type countingConn struct {
	net.Conn
	n *counter
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n.in.Add(int64(n))
	return n, err
}

func (c *countingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.n.out.Add(int64(n))
	return n, err
}

// dialTCP connects to the target with a byte counter under the connection.
func dialTCP(ctx context.Context, t Target, timeout time.Duration) (net.Conn, *counter, error) {
	d := &net.Dialer{Timeout: timeout}
	raw, err := d.DialContext(ctx, "tcp", t.addr())
	if err != nil {
		return nil, nil, err
	}
	n := &counter{}
	return &countingConn{Conn: raw, n: n}, n, nil
}
