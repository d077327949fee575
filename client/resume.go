package client

import (
	"slices"
	"strings"
)

// Resumable is what a new connection must do to be the same session as
// this one (imapsh's \reconnect): turn COMPRESS=DEFLATE on again (RFC
// 4978), ENABLE again what ENABLE switched on (RFC 5161; UTF8=ACCEPT of
// RFC 6855 changes how mailbox names travel, so it comes before the
// mailbox), and open the mailbox again the way it was opened: EXAMINE or
// SELECT, with the same parameters (CONDSTORE, RFC 7162 section 3.1.8).
type Resumable struct {
	Compress bool          // COMPRESS=DEFLATE was on
	Enabled  []string      // what ENABLE switched on, sorted, upper case
	Mailbox  string        // the mailbox open, "" for none
	Select   SelectOptions // how it was opened: ReadOnly is EXAMINE
}

// IsZero reports whether there is nothing to restore.
func (r Resumable) IsZero() bool {
	return !r.Compress && len(r.Enabled) == 0 && r.Mailbox == ""
}

// Resumable returns what makes this session what it is. It stays
// readable after the connection closed or was lost.
func (c *Client) Resumable() Resumable {
	r := Resumable{Compress: c.compressed}
	for name := range c.enabled {
		r.Enabled = append(r.Enabled, name)
	}
	slices.Sort(r.Enabled)
	if c.mbox != nil {
		r.Mailbox, r.Select = c.mbox.Name, c.mbox.Opened
		r.Select.QResync = resyncFrom(c.mbox)
	}
	return r
}

// resyncFrom is the QRESYNC parameter to reopen m with: the one it was
// opened with, brought up to the UIDVALIDITY and HIGHESTMODSEQ last seen,
// so that the server reports only what changed since then (RFC 7162
// section 3.2.5); nil when m was not opened with QRESYNC.
func resyncFrom(m *Mailbox) *QResync {
	q := m.Opened.QResync
	if q == nil {
		return nil
	}
	now := *q
	if m.UIDValidity != 0 && m.HighestModSeq != 0 {
		if m.UIDValidity != q.UIDValidity { // the UIDs it knew mean nothing now
			now.KnownUIDs, now.KnownSeqs, now.KnownSeqUIDs = "", "", ""
		}
		now.UIDValidity, now.ModSeq = m.UIDValidity, m.HighestModSeq
	}
	return &now
}

// Compressed reports whether COMPRESS=DEFLATE is on (RFC 4978).
func (c *Client) Compressed() bool { return c.compressed }

// AuthInfo says how the session was authenticated: for a summary of the
// connection and for showing what changed at login.
type AuthInfo struct {
	// Method is "AUTHENTICATE" (RFC 9051 section 6.2.2), "LOGIN" (section
	// 6.2.3) or "PREAUTH" (a greeting that authenticated, section 7.1.4).
	Method string
	// Mechanism is the SASL mechanism of AUTHENTICATE ("SCRAM-SHA-256").
	Mechanism string
	// CapsBefore is the capability list known before the login, in the
	// server's order; nil when none was known (or after PREAUTH).
	CapsBefore []string
}

// Auth returns how the session was authenticated; false while it is not.
func (c *Client) Auth() (AuthInfo, bool) {
	return c.auth, c.auth.Method != ""
}

// noteAuth records a successful login (method, SASL mechanism) and the
// capability list known before it.
func (c *Client) noteAuth(method, mech string, capsBefore []string) {
	c.auth = AuthInfo{Method: method, Mechanism: strings.ToUpper(mech), CapsBefore: capsBefore}
}
