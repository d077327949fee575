package cmdline

import (
	"strings"
	"testing"
	"time"
)

// TestKindTable: every kind has a row in the table of kinds: a name, a
// completion rule consistent with its words, and a check that accepts a
// valid word and refuses a wrong one.
func TestKindTable(t *testing.T) {
	valid := map[ArgKind][2]string{ // a good and a bad word for kinds that check
		SeqSet:   {"1:5,7,9:*", "1:x"},
		Number:   {"42", "-1"},
		StoreOp:  {"+FLAGS.SILENT", "FLAG"},
		Date:     {"04-Mar-2024 09:15:00 +0100", "yesterday"},
		SortKeys: {"(REVERSE DATE)", "DATE"},
		Switch:   {"off", "maybe"},
		Duration: {"90s", "soon"},
		// parenthesised lists (RFC 5258, RFC 4731)
		ListSelection: {"(SUBSCRIBED)", "SUBSCRIBED"},
		ListReturn:    {"(STATUS (MESSAGES))", "(STATUS"},
		SearchReturn:  {"()", "MIN"},
	}
	for _, k := range AllKinds() {
		row := kinds[k]
		if row.name == "" || k.String() != row.name {
			t.Errorf("kind %d has no name", k)
		}
		if wordy := k.Completion() == CompleteWords || k.Completion() == CompleteTopics; wordy != (len(k.Words()) > 0) {
			t.Errorf("%v: completion rule %d with %d words", k, k.Completion(), len(k.Words()))
		}
		if k.TakesRest() && !k.CompletesInside() {
			t.Errorf("%v takes the rest of the line but completes only whole words", k)
		}
		words, checks := valid[k]
		if checks != (row.check != nil) {
			t.Errorf("%v: check %v, test words %v", k, row.check != nil, checks)
			continue
		}
		if checks && (k.Check(words[0]) != nil || k.Check(words[1]) == nil) {
			t.Errorf("%v: Check(%q) = %v, Check(%q) = %v", k, words[0], k.Check(words[0]), words[1], k.Check(words[1]))
		}
	}
	if Secret.Redaction() != RedactWord || URL.Redaction() != RedactURL || Atom.Redaction() != RedactNone {
		t.Error("redaction rules of secret, url and atom")
	}
}

func TestParseDuration(t *testing.T) {
	for s, want := range map[string]time.Duration{"30": 30 * time.Second, "90s": 90 * time.Second,
		"5m": 5 * time.Minute, "1h30m": 90 * time.Minute, "0": 0, "-5s": 0, "0s": 0, "": 0, "5 m": 0, "x": 0} {
		got, err := ParseDuration(s)
		if got != want || (err == nil) != (want > 0) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
}

func TestValidSeqSet(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "1:*": true, "*": true, "$": true, "1,3:5,7": true,
		"": false, "0": false, "1:": false, "a": false, "1,,2": false, "4294967296": false, "+1": false} {
		if got := ValidSeqSet(s); got != want {
			t.Errorf("ValidSeqSet(%q) = %v", s, got)
		}
	}
	if n, ok := UnchangedSince("(unchangedsince 12)"); !ok || n != 12 {
		t.Errorf("UnchangedSince = %d, %v", n, ok)
	}
	if _, err := ParseSwitch("ON"); err != nil || !strings.Contains(checkSwitch("x").Error(), "on or off") {
		t.Error("ParseSwitch")
	}
}
