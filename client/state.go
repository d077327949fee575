package client

import "strings"

// State is the connection state of RFC 9051 section 3.
type State uint8

// The connection states.
const (
	StateNotAuthenticated State = 1 << iota
	StateAuthenticated
	StateSelected
	StateLogout
)

// StateMask is a set of states in which a command is valid.
type StateMask = State

// Common state masks.
const (
	AnyState      = StateNotAuthenticated | StateAuthenticated | StateSelected
	NotAuthOnly   = StateNotAuthenticated
	AuthOrSelect  = StateAuthenticated | StateSelected
	SelectedState = StateSelected
)

// String names the state, or a mask's states joined by " or "
// ("authenticated or selected"); "none" for an empty mask.
func (s State) String() string {
	var names []string
	for _, n := range []struct {
		s    State
		name string
	}{{StateNotAuthenticated, "not authenticated"}, {StateAuthenticated, "authenticated"}, {StateSelected, "selected"}, {StateLogout, "logout"}} {
		if s&n.s != 0 {
			names = append(names, n.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, " or ")
}

// Mailbox is what the client knows of the selected mailbox, kept current
// from SELECT/EXAMINE data and unsolicited EXISTS, EXPUNGE and FLAGS.
type Mailbox struct {
	Name           string
	ReadOnly       bool
	Exists         uint32
	Recent         uint32
	Flags          []string
	PermanentFlags []string
	UIDValidity    uint32
	UIDNext        uint32
	Unseen         uint32
	HighestModSeq  uint64
	// Opened is how SELECT or EXAMINE opened it (ReadOnly: EXAMINE, and
	// the parameters), so that a new connection can open it the same way.
	Opened SelectOptions
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }
