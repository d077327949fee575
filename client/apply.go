package client

import "strings"

// apply updates the session from an untagged response: capabilities,
// ENABLED, the selected mailbox's counts and flags, BYE.
func (c *Client) apply(resp Response) {
	switch r := resp.(type) {
	case *CapabilityData:
		c.setCaps(r.Caps)
	case *EnabledData:
		// Only an answer to ENABLE counts (RFC 5161 section 3.2): an ENABLED
		// slipped in elsewhere, say before STARTTLS, cannot switch the
		// session to UTF-8 mailbox names or anything else.
		if head := c.oldest(); head != nil && head.cmd.name == "ENABLE" {
			for _, cp := range r.Caps {
				c.enabled[strings.ToUpper(cp)] = true
			}
		}
	case *StatusResponse:
		if r.Status == "BYE" {
			c.state = StateLogout
		}
		if r.Code != nil {
			c.applyCode(r.Code)
		}
		if c.greeting != nil { // the greeting's is recorded by readGreeting
			c.recordAlert(r, c.commandInFlight())
		}
	case *NumberData:
		c.applyNumber(r)
	case *FlagsData:
		if c.mbox != nil {
			c.mbox.Flags = r.Flags
		}
	case *VanishedData:
		if c.mbox != nil && !r.Earlier {
			c.mbox.Exists -= min(c.mbox.Exists, uint32(countSet(r.UIDs)))
		}
	}
}

func (c *Client) applyNumber(r *NumberData) {
	if c.mbox == nil {
		return
	}
	switch r.Name {
	case "EXISTS":
		c.mbox.Exists = r.N
	case "RECENT":
		c.mbox.Recent = r.N
	case "EXPUNGE":
		if c.mbox.Exists > 0 {
			c.mbox.Exists--
		}
	}
}

// applyCode records what a response code says about the session.
func (c *Client) applyCode(code *Code) {
	c.codes.add(code, c.respSize)
	if code.Name == "CAPABILITY" {
		c.setCaps(code.Strings())
		return
	}
	if c.mbox == nil {
		return
	}
	n, fits := code.Uint32() // out of range or not a number: flagged, not stored
	switch code.Name {
	case "UIDVALIDITY":
		c.mbox.UIDValidity = keep(c.mbox.UIDValidity, n, fits)
	case "UIDNEXT":
		c.mbox.UIDNext = keep(c.mbox.UIDNext, n, fits)
	case "UNSEEN":
		c.mbox.Unseen = keep(c.mbox.Unseen, n, fits)
	case "HIGHESTMODSEQ":
		if m, ok := code.ModSeq(); ok {
			c.mbox.HighestModSeq = m
		}
	case "PERMANENTFLAGS":
		c.mbox.PermanentFlags = code.Strings()
	case "READ-ONLY":
		c.mbox.ReadOnly = true
	case "READ-WRITE":
		c.mbox.ReadOnly = false
	}
}

// countSet counts the numbers in a set without '*'.
func countSet(s NumSet) int {
	n := 0
	for _, r := range s {
		lo, hi := min(r.Start, r.Stop), max(r.Start, r.Stop)
		if lo == 0 {
			continue
		}
		n += int(hi-lo) + 1
	}
	return n
}

// keep returns n when it fits its field, else the value held before.
func keep(old, n uint32, fits bool) uint32 {
	if fits {
		return n
	}
	return old
}
