package demo

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// Demo credentials accepted by LOGIN and AUTHENTICATE PLAIN.
const (
	DemoUser     = "demo"
	DemoPassword = "demo"
)

// Logger receives the server's error messages; *log.Logger satisfies it.
type Logger interface {
	Printf(format string, args ...any)
}

// Options configures Start. The zero value is a silent server.
type Options struct {
	// Logger receives server-side errors (failed commands, I/O errors).
	// Nil discards them.
	Logger Logger
	// Debug receives the raw bytes of every connection, both directions,
	// credentials included. Nil disables the trace. Writes are serialised.
	Debug io.Writer
}

// Server is a running demo IMAP server. Its fields are read-only.
type Server struct {
	// Addr is "127.0.0.1:PORT", ready for net.Dial.
	Addr string
	// User and Password are the demo credentials ("demo" / "demo").
	User, Password string

	imap      *imapserver.Server
	listener  net.Listener
	served    chan struct{}
	sessions  *sessionTracker
	closeOnce sync.Once
	closeErr  error
}

// Caps is the capability set the demo server is configured with. The library
// adds SASL-IR, LITERAL-, AUTH=PLAIN, ENABLE, IDLE, UNSELECT and UTF8=ACCEPT on
// its own, and announces the extensions only once the client is authenticated.
func Caps() imap.CapSet {
	return imap.CapSet{
		imap.CapIMAP4rev1:    {},
		imap.CapIMAP4rev2:    {},
		imap.CapNamespace:    {},
		imap.CapUIDPlus:      {},
		imap.CapESearch:      {},
		imap.CapSearchRes:    {},
		imap.CapListExtended: {},
		imap.CapListStatus:   {},
		imap.CapMove:         {},
		imap.CapStatusSize:   {},
		imap.CapBinary:       {},
		imap.CapLiteralPlus:  {},
	}
}

// Start fills a fresh in-memory store with the sample mailboxes and messages
// and serves IMAP on 127.0.0.1 at an ephemeral port until Close.
func Start(opts Options) (*Server, error) {
	backend, err := newBackend()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: listen on loopback: %w", err)
	}
	tracker := &sessionTracker{}
	s := &Server{
		Addr:     ln.Addr().String(),
		User:     DemoUser,
		Password: DemoPassword,
		listener: ln,
		served:   make(chan struct{}),
		sessions: tracker,
	}
	s.imap = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return tracker.open(backend.NewSession())
		},
		Caps:         Caps(),
		Logger:       loggerOrDiscard(opts.Logger),
		InsecureAuth: true,
		DebugWriter:  lockedWriterOrNil(opts.Debug),
	})
	go s.serve(opts.Logger)
	return s, nil
}

func (s *Server) serve(logger Logger) {
	defer close(s.served)
	if err := s.imap.Serve(s.listener); err != nil && logger != nil {
		logger.Printf("demo: serve: %v", err)
	}
}

// Close stops listening, closes every open connection and waits until their
// sessions have ended. Calling it again returns the first result.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.sessions.stopOpening()
		err := s.imap.Close()
		// Serve may not have registered the listener yet; closing it
		// ourselves guarantees that the port is released either way.
		if lnErr := s.listener.Close(); lnErr != nil && !errors.Is(lnErr, net.ErrClosed) && err == nil {
			err = lnErr
		}
		<-s.served
		s.sessions.wait()
		s.closeErr = err
	})
	return s.closeErr
}

// newBackend builds the in-memory store holding the demo user's mailboxes.
func newBackend() (*imapmemserver.Server, error) {
	user := imapmemserver.NewUser(DemoUser, DemoPassword)
	if err := populate(user, Sample()); err != nil {
		return nil, err
	}
	backend := imapmemserver.New()
	backend.AddUser(user)
	return backend, nil
}
