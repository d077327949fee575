package client

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"imapsh/client/internal/wire"
)

// QResync is the QRESYNC parameter of SELECT and EXAMINE (RFC 7162
// section 3.2.5): what the client remembers of the mailbox, so that the
// server answers with what changed since, VANISHED (EARLIER) for the
// messages expunged and FETCH for those whose flags changed:
//
//	SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))
type QResync struct {
	UIDValidity uint32 // the mailbox's UIDVALIDITY when the client last saw it
	ModSeq      uint64 // the last HIGHESTMODSEQ the client knew
	KnownUIDs   string // optional: the UIDs the client knows, a set without "*"
	// KnownSeqs and KnownSeqUIDs (optional, both or neither) are RFC 7162's
	// seq-match-data: message numbers and the UIDs they had, so the server
	// can tell where the client's view stopped being true.
	KnownSeqs, KnownSeqUIDs string
}

// ErrQResyncNotEnabled refuses SELECT (QRESYNC ...) before ENABLE QRESYNC:
// RFC 7162 section 3.2.3 has the server answer BAD then.
var ErrQResyncNotEnabled = errors.New("client: SELECT/EXAMINE (QRESYNC ...) needs ENABLE QRESYNC first (RFC 7162 section 3.2.3)")

// ErrBadQResync is a QRESYNC parameter RFC 7162 section 3.2.5 does not
// allow: a zero UIDVALIDITY or mod-sequence, or a set holding "*".
var ErrBadQResync = errors.New("client: not a valid QRESYNC parameter")

// checkSelect checks SELECT or EXAMINE with its parameters: the state,
// CONDSTORE or QRESYNC announced, QRESYNC enabled, the QRESYNC values.
func (c *Client) checkSelect(name string, opts SelectOptions) error {
	if err := c.check(name, Needs.Select, ""); err != nil {
		return err
	}
	if opts.CondStore {
		if err := c.check(name, Needs.Select, CapCondStore); err != nil {
			return err
		}
	}
	if opts.QResync == nil {
		return nil
	}
	if err := c.check(name, Needs.Select, CapQResync); err != nil {
		return err
	}
	if !c.Enabled(string(CapQResync)) {
		return ErrQResyncNotEnabled
	}
	return opts.QResync.validate()
}

// validate checks the values against RFC 7162's grammar: uidvalidity is
// an nz-number, mod-sequence-value a positive 63-bit number, known-uids
// and seq-match-data sets without "*".
func (q *QResync) validate() error {
	switch {
	case q.UIDValidity == 0:
		return fmt.Errorf("%w: UIDVALIDITY must be at least 1", ErrBadQResync)
	case q.ModSeq == 0 || q.ModSeq > math.MaxInt64:
		return fmt.Errorf("%w: the mod-sequence must be from 1 to 2^63-1", ErrBadQResync)
	case (q.KnownSeqs == "") != (q.KnownSeqUIDs == ""):
		return fmt.Errorf("%w: known message numbers and their UIDs go together", ErrBadQResync)
	}
	for _, set := range []string{q.KnownUIDs, q.KnownSeqs, q.KnownSeqUIDs} {
		if set != "" && (!ValidSet(set) || set == "$" || strings.Contains(set, "*")) {
			return fmt.Errorf("%w: %q is not a set of known numbers (like 1:5,7; no *)", ErrBadQResync, set)
		}
	}
	return nil
}

// selectParams writes the select-params of RFC 4466: " (CONDSTORE)",
// " (QRESYNC (...))", or both in one list.
func selectParams(a *wire.Command, opts SelectOptions) {
	var params []string
	if opts.CondStore {
		params = append(params, "CONDSTORE")
	}
	if q := opts.QResync; q != nil {
		params = append(params, "QRESYNC ("+q.String()+")")
	}
	if len(params) > 0 {
		a.Raw(" (" + strings.Join(params, " ") + ")")
	}
}

// String is the inside of the parameter's parentheses:
// "67890007 20050715194045000 41,43:211 (1:3 41,43:44)".
func (q *QResync) String() string {
	s := fmt.Sprintf("%d %d", q.UIDValidity, q.ModSeq)
	if q.KnownUIDs != "" {
		s += " " + q.KnownUIDs
	}
	if q.KnownSeqs != "" {
		s += " (" + q.KnownSeqs + " " + q.KnownSeqUIDs + ")"
	}
	return s
}
