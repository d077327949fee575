package probe

import (
	"fmt"
	"strings"

	"imapsh/client"
)

// The generic detectors judge what checks declared on their steps:
// Expect, Wants, Expected and Got. Their RFC and advice come from the
// step.

// detectCommandRefused: a well-formed use of an announced extension got NO.
var detectCommandRefused = &Detector{
	ID: "announced-command-refused", Title: "an announced extension refused a plain, well-formed use", Severity: SeverityViolation,
	Must: "treat the extension as absent on this server, whatever CAPABILITY says",
	Find: each(func(st *Step) (Finding, bool) {
		if st.Expect != expectOK || st.Ext == "" || !strings.EqualFold(st.Status(), "NO") {
			return Finding{}, false
		}
		return Finding{Detail: st.Label + " got NO", RFC: st.RFC, Must: st.Must}, true
	}),
}

// detectBadForValidCommand: BAD for a command that is well formed. BAD
// means the command is not understood (RFC 9051 7.1.3); a command the
// server understands but will not perform gets NO (7.1.2).
var detectBadForValidCommand = &Detector{
	ID: "bad-for-valid-command", Title: "BAD for a well-formed command (a refusal should be NO)", Severity: SeverityViolation,
	RFC:  "RFC 9051 7.1.2 and 7.1.3",
	Must: "treat BAD to this command as NO: the session is still in sync, do not reconnect or resend it",
	Find: each(func(st *Step) (Finding, bool) {
		if st.Expect == expectRefusal || !strings.EqualFold(st.Status(), "BAD") {
			return Finding{}, false
		}
		return Finding{Detail: st.Label + " got BAD: " + st.Result.Status.Text}, true
	}),
}

// detectExpectedDataMissing: an OK without the untagged data or response
// code the command is defined to return.
var detectExpectedDataMissing = &Detector{
	ID: "expected-data-missing", Title: "an OK without the data the command must return", Severity: SeverityViolation,
	Must: "do not rely on this data from this server; ask for it another way (e.g. FETCH UID after APPEND)",
	Find: each(func(st *Step) (Finding, bool) {
		if !st.OK() || st.Result == nil || len(st.Wants) == 0 {
			return Finding{}, false
		}
		var missing []string
		for _, w := range st.Wants {
			if !carries(st.Result, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) == 0 {
			return Finding{}, false
		}
		return Finding{Detail: st.Label + ": no " + strings.Join(missing, ", ") + " in the answer", RFC: st.RFC, Must: st.Must}, true
	}),
}

// detectValueMismatch: the answer shows another value than the one the
// state of the mailbox implies (a count, a name, a usage).
var detectValueMismatch = &Detector{
	ID: "value-mismatch", Title: "an answer that contradicts the mailbox's state", Severity: SeverityViolation,
	Find: each(func(st *Step) (Finding, bool) {
		if st.Expected == "" || st.Expected == st.Got || !st.OK() {
			return Finding{}, false
		}
		return Finding{Detail: fmt.Sprintf("%s: expected %s, got %s", st.Label, st.Expected, orNone(st.Got)), RFC: st.RFC, Must: st.Must}, true
	}),
}

// carries reports whether a result holds an untagged response of a kind
// ("ESEARCH") or a response code ("[APPENDUID]", on the tagged or an
// untagged status response).
func carries(res *client.Result, want string) bool {
	if code, ok := strings.CutPrefix(want, "["); ok {
		return hasCode(res, strings.TrimSuffix(code, "]"))
	}
	return countOf(res, want) > 0
}

// countOf counts a result's untagged responses of a kind; 0 for nil.
func countOf(res *client.Result, kind string) int {
	if res == nil {
		return 0
	}
	return res.Count(kind)
}

// hasCode reports whether a result carries a response code.
func hasCode(res *client.Result, name string) bool {
	return codeOf(res, name) != nil
}

// codeOf returns a response code of a result, tagged or untagged, or nil.
func codeOf(res *client.Result, name string) *client.Code {
	if res == nil {
		return nil
	}
	if s := res.Status; s != nil && s.Code != nil && strings.EqualFold(s.Code.Name, name) {
		return s.Code
	}
	for _, st := range client.Of[*client.StatusResponse](res) {
		if st.Code != nil && strings.EqualFold(st.Code.Name, name) {
			return st.Code
		}
	}
	return nil
}

// orNone shows "" as "nothing".
func orNone(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}
