package repl

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// qresyncUsage is the shape of the QRESYNC parameter, for errors.
const qresyncUsage = "(QRESYNC (UIDVALIDITY MODSEQ [KNOWN-UIDS [(SEQUENCE-NUMBERS UIDS)]]))"

// selectParams reads the parameters typed after the mailbox of select or
// examine (RFC 4466 select-params): (CONDSTORE) (RFC 7162 section 3.1.8),
// (QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])) (section
// 3.2.5), both in one list, or the same words without the outer
// parentheses (select INBOX condstore). The values are the client's to
// check against the grammar (client.ErrBadQResync).
func selectParams(typed string, opts *client.SelectOptions) error {
	typed = strings.TrimSpace(typed)
	if !cmdline.IsGroup(typed) {
		typed = "(" + typed + ")"
	}
	items, err := cmdline.Items(typed)
	if err != nil {
		return err
	}
	for i := 0; i < len(items); i++ {
		switch name := strings.ToUpper(items[i].Text); {
		case items[i].IsList || items[i].Quoted:
			return fmt.Errorf("unexpected %s: parameters are CONDSTORE and %s", items[i].Text, qresyncUsage)
		case name == "CONDSTORE":
			opts.CondStore = true
		case name == "QRESYNC":
			if i+1 == len(items) || !items[i+1].IsList {
				return fmt.Errorf("QRESYNC takes a list: %s", qresyncUsage)
			}
			i++
			if opts.QResync, err = qresyncParam(items[i].List); err != nil {
				return err
			}
		default:
			return fmt.Errorf("unknown parameter %s (CONDSTORE and QRESYNC are known)", items[i].Text)
		}
	}
	return nil
}

// qresyncParam reads the inside of QRESYNC's list.
func qresyncParam(items []cmdline.Item) (*client.QResync, error) {
	bad := fmt.Errorf("QRESYNC takes %s", qresyncUsage)
	if len(items) < 2 || len(items) > 4 || items[0].IsList || items[1].IsList {
		return nil, bad
	}
	uidValidity, err1 := strconv.ParseUint(items[0].Text, 10, 32)
	modSeq, err2 := strconv.ParseUint(items[1].Text, 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("%w: UIDVALIDITY and MODSEQ are numbers", bad)
	}
	q := &client.QResync{UIDValidity: uint32(uidValidity), ModSeq: modSeq}
	rest := items[2:]
	if len(rest) > 0 && !rest[0].IsList {
		q.KnownUIDs, rest = rest[0].Text, rest[1:]
	}
	switch {
	case len(rest) == 0:
		return q, nil
	case len(rest) > 1 || !rest[0].IsList || len(rest[0].List) != 2 || rest[0].List[0].IsList || rest[0].List[1].IsList:
		return nil, bad
	}
	q.KnownSeqs, q.KnownSeqUIDs = rest[0].List[0].Text, rest[0].List[1].Text
	return q, nil
}

// usageErr is a usage error a handler found, with the usage hint the
// dispatcher gives for one found while binding.
func usageErr(in *Input, msg string) error {
	err := &UsageError{in.Cmd, msg}
	return &hintedError{err, usageHint(err)}
}

// selectHint is the hint for a select or examine the client refused.
func selectHint(err error) string {
	var ce *client.CapabilityError
	switch {
	case errors.Is(err, client.ErrQResyncNotEnabled):
		return "enable QRESYNC first (RFC 7162); it lasts until logout"
	case errors.Is(err, client.ErrBadQResync):
		return "usage: select MAILBOX " + qresyncUsage
	case errors.As(err, &ce):
		return "this server does not announce " + ce.Cap + ": select the mailbox without parameters"
	}
	return ""
}
