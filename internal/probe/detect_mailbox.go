package probe

import (
	"fmt"
	"strings"

	"imapsh/client"
)

// detectExamineNotReadOnly: EXAMINE's OK does not say [READ-ONLY].
var detectExamineNotReadOnly = &Detector{
	ID: "examine-without-read-only", Title: "EXAMINE's OK does not carry [READ-ONLY]", Severity: SeverityViolation,
	RFC:  "RFC 9051 6.3.3",
	Must: "treat a mailbox opened with EXAMINE as read-only whatever the OK says; never STORE or EXPUNGE in it",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil || hasTaggedCode(st.Result, "READ-ONLY") {
			return Finding{}, false
		}
		return Finding{Detail: "the tagged OK carries " + codeName(st.Result.Status.Code)}, true
	}, "examine"),
}

// hasTaggedCode reports whether the tagged answer carries a code.
func hasTaggedCode(res *client.Result, name string) bool {
	return res.Status != nil && res.Status.Code != nil && strings.EqualFold(res.Status.Code.Name, name)
}

// codeName shows a code's name, or "no code".
func codeName(c *client.Code) string {
	if c == nil {
		return "no code"
	}
	return "[" + c.Name + "]"
}

// detectSelectDataMissing: SELECT/EXAMINE must send FLAGS, EXISTS and
// [UIDVALIDITY] (RFC 9051 6.3.2, "REQUIRED untagged responses").
var detectSelectDataMissing = &Detector{
	ID: "select-data-missing", Title: "EXAMINE does not send every required response (FLAGS, EXISTS, UIDVALIDITY)", Severity: SeverityViolation,
	RFC:  "RFC 9051 6.3.2",
	Must: "do not assume a mailbox's message count or UIDVALIDITY from SELECT here: ask STATUS, and treat a missing UIDVALIDITY as a new one (resync)",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil {
			return Finding{}, false
		}
		var missing []string
		for _, want := range []string{"FLAGS", "EXISTS", "[UIDVALIDITY]"} {
			if !carries(st.Result, want) {
				missing = append(missing, want)
			}
		}
		return Finding{Detail: "missing: " + strings.Join(missing, ", ")}, len(missing) > 0
	}, "examine", "select-scratch"),
}

// detectHighestModSeqMissing: EXAMINE (CONDSTORE) without HIGHESTMODSEQ
// or NOMODSEQ.
var detectHighestModSeqMissing = &Detector{
	ID: "highestmodseq-missing", Title: "EXAMINE (CONDSTORE) without [HIGHESTMODSEQ] or [NOMODSEQ]", Severity: SeverityViolation,
	RFC: "RFC 7162 3.1.2.1", Breaks: "CONDSTORE",
	Must: "do not cache by MODSEQ on this server: resynchronise flags with a full FETCH",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil || !containsFold(st.Asked, "CONDSTORE") || hasCode(st.Result, "HIGHESTMODSEQ") || hasCode(st.Result, "NOMODSEQ") {
			return Finding{}, false
		}
		return Finding{Detail: "neither code came"}, true
	}, "examine"),
}

// detectStatusItemMissing: STATUS answers without an item it was asked
// for (Courier-IMAP 5.0 drops what it does not know).
var detectStatusItemMissing = &Detector{
	ID: "status-item-missing", Title: "STATUS leaves out an item that was asked for", Severity: SeverityViolation,
	RFC:  "RFC 9051 6.3.11 and 7.2.4",
	Must: "treat a missing STATUS item as unknown, not as 0; ask only for items the server announces",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil {
			return Finding{}, false
		}
		got := client.Of[*client.StatusData](st.Result)
		var missing []string
		for _, item := range st.Asked {
			if len(got) == 0 || !hasStatusItem(got[0], item) {
				missing = append(missing, item)
			}
		}
		if len(missing) == 0 {
			return Finding{}, false
		}
		return Finding{Detail: "missing: " + strings.Join(missing, " "), Breaks: statusItemExt(missing[0])}, true
	}, "status"),
}

// hasStatusItem reports whether a STATUS response has an item, numeric
// or not (MAILBOXID (id), RFC 8474).
func hasStatusItem(s *client.StatusData, name string) bool {
	for _, it := range s.Items {
		if strings.EqualFold(it.Name, name) {
			return true
		}
	}
	return false
}

// statusItemExt names the capability that adds a STATUS item.
func statusItemExt(item string) string {
	switch strings.ToUpper(item) {
	case "SIZE":
		return "STATUS=SIZE"
	case "HIGHESTMODSEQ":
		return "CONDSTORE"
	case "MAILBOXID":
		return "OBJECTID"
	case "DELETED":
		return "IMAP4rev2"
	}
	return "IMAP4rev1"
}

// detectStatusUnknownItemAccepted: STATUS with an item no server knows
// ends OK (Courier-IMAP 5.0) instead of BAD.
var detectStatusUnknownItemAccepted = &Detector{
	ID: "status-unknown-item-accepted", Title: "STATUS with an unknown item ends OK (the item is dropped silently)", Severity: SeverityViolation,
	RFC:  "RFC 9051 6.3.11 and 9 (status-att)",
	Must: "check that every STATUS item asked for came back; an OK does not mean the server knows them",
	Find: each(func(st *Step) (Finding, bool) {
		return Finding{Detail: st.Label + " got OK"}, st.OK() && st.Result != nil
	}, "status-unknown-item"),
}

// detectStoreAfterExamine: STORE in a mailbox opened with EXAMINE is
// performed and kept (Courier-IMAP 5.0).
var detectStoreAfterExamine = &Detector{
	ID: "store-after-examine", Title: "STORE is performed in a mailbox opened with EXAMINE", Severity: SeverityViolation,
	RFC: "RFC 9051 6.3.3", Breaks: "IMAP4rev1",
	Must: "never send STORE to a mailbox opened read-only: EXAMINE does not protect it on this server",
	Find: storeAfterExamine(true),
}

// detectStoreAfterExamineOK: STORE after EXAMINE is answered OK but
// nothing is stored (Dovecot 2.3: "OK Store ignored with read-only
// mailbox"); a client that trusts the OK believes a flag is set.
var detectStoreAfterExamineOK = &Detector{
	ID: "store-after-examine-ok", Title: "STORE after EXAMINE is answered OK but not performed", Severity: SeverityQuirk,
	RFC:  "RFC 9051 6.3.3, 6.4.6",
	Must: "do not take OK to STORE as proof that flags changed: watch for the FETCH it sends, or FETCH FLAGS",
	Find: storeAfterExamine(false),
}

// storeAfterExamine finds an OK to STORE after EXAMINE whose flag was
// kept (or not), as the FETCH that followed shows.
func storeAfterExamine(kept bool) func([]*Step) []Finding {
	return func(steps []*Step) []Finding {
		var out []Finding
		for _, st := range stepsOf(steps, "store-examined") {
			if !st.OK() || st.Result == nil {
				continue
			}
			after := stepsOf(steps, "flags-after-store-examined")
			wasKept := len(after) > 0 && after[0].Got == "kept"
			if wasKept != kept {
				continue
			}
			f := Finding{Step: st, Also: after, Detail: "STORE +FLAGS (\\Flagged) after EXAMINE got OK; the flag was not kept"}
			if kept {
				f.Detail = "STORE +FLAGS (\\Flagged) after EXAMINE got OK, and the flag was kept"
			}
			out = append(out, f)
		}
		return out
	}
}

// detectNoExistsAfterAppend: APPEND to the selected mailbox sends no
// EXISTS (Courier-IMAP 5.0), not even at the next NOOP.
var detectNoExistsAfterAppend = &Detector{
	ID: "no-exists-after-append", Title: "APPEND to the selected mailbox sends no EXISTS", Severity: SeverityShould,
	RFC:  "RFC 9051 6.3.12 (SHOULD)",
	Must: "after APPEND to the selected mailbox, NOOP or re-SELECT to see the new message; do not wait for EXISTS",
	Find: func(steps []*Step) []Finding {
		var out []Finding
		for _, st := range stepsOf(steps, "append-selected") {
			if !st.OK() || st.Result == nil || st.Result.Count("EXISTS") > 0 {
				continue
			}
			f := Finding{Step: st, Detail: "no EXISTS with the APPEND"}
			if noop := stepsOf(steps, "noop-after-append"); len(noop) > 0 {
				f.Also = noop[:1]
				if noop[0].Result != nil && noop[0].Result.Count("EXISTS") > 0 {
					f.Detail += "; it came with the next NOOP"
				} else {
					f.Detail += " nor with the next NOOP"
				}
			}
			out = append(out, f)
		}
		return out
	},
}

// detectExpungeUnderQResync: after ENABLE QRESYNC the server must report
// expunges with VANISHED, not EXPUNGE.
var detectExpungeUnderQResync = &Detector{
	ID: "expunge-under-qresync", Title: "EXPUNGE responses after ENABLE QRESYNC (VANISHED is required)", Severity: SeverityViolation,
	RFC: "RFC 7162 3.2.10", Breaks: "QRESYNC",
	Must: "handle EXPUNGE as well as VANISHED even after ENABLE QRESYNC",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil || st.Result.Count("EXPUNGE") == 0 {
			return Finding{}, false
		}
		return Finding{Detail: fmt.Sprintf("%d EXPUNGE, %d VANISHED", st.Result.Count("EXPUNGE"), st.Result.Count("VANISHED"))}, true
	}, "expunge-qresync"),
}

// detectCreateExistingWithoutCode: CREATE of an existing mailbox gets NO
// without [ALREADYEXISTS] (Courier-IMAP 5.0), or even OK.
var detectCreateExistingWithoutCode = &Detector{
	ID: "create-existing-without-code", Title: "CREATE of an existing mailbox: no [ALREADYEXISTS]", Severity: SeverityQuirk,
	RFC:  "RFC 5530 3 (ALREADYEXISTS)",
	Must: "after a NO to CREATE, LIST the name to learn whether it exists",
	Find: each(func(st *Step) (Finding, bool) {
		if st.Result == nil || st.Result.Status == nil || hasTaggedCode(st.Result, "ALREADYEXISTS") {
			return Finding{}, false
		}
		return Finding{Detail: st.Label + " got " + st.Status() + " " + codeName(st.Result.Status.Code)}, true
	}, "create-duplicate"),
}
