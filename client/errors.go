package client

import (
	"errors"
	"fmt"
)

// Error is a command that the server answered with NO or BAD (RFC 9051
// section 7.1.2 and 7.1.3), or a BYE that ended the session.
type Error struct {
	Command string // the command name, e.g. SELECT
	*StatusResponse
}

// Error reads "client: COMMAND: NO [CODE] text", as the server said it.
func (e *Error) Error() string {
	code := ""
	if e.Code != nil {
		code = "[" + e.Code.Name + "] "
	}
	return fmt.Sprintf("client: %s: %s %s%s", e.Command, e.Status, code, e.Text)
}

// ProtocolError is a server response that does not follow the IMAP grammar
// or exceeds a limit; Err is the underlying *wire.SyntaxError or
// *wire.LimitError with the byte offset.
type ProtocolError struct {
	Err error
}

// Error says that the server broke the grammar, and where.
func (e *ProtocolError) Error() string { return "client: protocol error: " + e.Err.Error() }

// Unwrap returns the wire error.
func (e *ProtocolError) Unwrap() error { return e.Err }

// Sentinel errors for the states a command can find the client in.
var (
	// ErrClosed: the connection is closed (after LOGOUT, BYE or EOF).
	ErrClosed = errors.New("client: connection closed")
	// ErrBye: the server said BYE and closed the connection.
	ErrBye = errors.New("client: server closed the session (BYE)")
	// ErrTLSRequired: STARTTLS was required but not possible.
	ErrTLSRequired = errors.New("client: STARTTLS required but not available")
	// ErrPlaintext: a password would cross an unencrypted connection.
	ErrPlaintext = errors.New("client: refusing to send a password over an unencrypted connection")
)

// StateError is a command refused locally because the session is not in a
// state that allows it (RFC 9051 section 3).
type StateError struct {
	Command string
	State   State
	Need    StateMask
}

// Error names the command, the state it found and the states it needs.
func (e *StateError) Error() string {
	return fmt.Sprintf("client: %s is not allowed in the %s state (needs %s)", e.Command, e.State, e.Need)
}

// CapabilityError is a command refused locally because the server does not
// advertise the capability it needs.
type CapabilityError struct {
	Command string
	Cap     string
}

// Error names the command and the capability the server lacks.
func (e *CapabilityError) Error() string {
	return fmt.Sprintf("client: %s needs the server capability %s", e.Command, e.Cap)
}
