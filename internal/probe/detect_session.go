package probe

import (
	"strings"

	"imapsh/client"
)

// detectLoginWithoutCapability: the login's answer carries no capability
// list ([CAPABILITY] on the OK or an untagged CAPABILITY; Courier-IMAP
// 5.0). Allowed (RFC 9051 6.2.3 says MAY), but a client that keeps the
// list it had before login misses what login changes, and it cannot
// know beforehand whether it does.
var detectLoginWithoutCapability = &Detector{
	ID: "login-without-capability", Title: "the login's answer carries no capability list", Severity: SeverityQuirk,
	RFC:  "RFC 9051 6.2.3 (MAY), 7.2.2",
	Must: "send CAPABILITY after login unless the OK carried [CAPABILITY ...]",
	Find: func(steps []*Step) []Finding {
		logins := stepsOf(steps, "login")
		after := stepsOf(steps, "capability-after-login")
		if len(logins) == 0 || len(after) == 0 || !logins[0].OK() || capabilitiesSent(logins[0].Result) {
			return nil
		}
		detail := "the list is the same after login"
		if ch := diffCaps(logins[0].Caps, after[0].Caps); ch != nil {
			detail = "login changed the list: " + describeChange(ch)
		}
		return []Finding{{Step: logins[0], Also: after[:1], Detail: detail}}
	},
}

// describeChange formats a capability change: "+SORT +THREAD -AUTH=PLAIN".
func describeChange(ch *CapChange) string {
	var parts []string
	for _, c := range ch.Added {
		parts = append(parts, "+"+c)
	}
	for _, c := range ch.Removed {
		parts = append(parts, "-"+c)
	}
	return strings.Join(parts, " ")
}

// detectStaleCapabilities: after login the list still offers what only
// matters before it (Cyrus 3.6: LOGINDISABLED and AUTH=).
var detectStaleCapabilities = &Detector{
	ID: "pre-login-capabilities-after-login", Title: "after login the capability list still offers login mechanisms or LOGINDISABLED", Severity: SeverityQuirk,
	RFC:  "RFC 9051 6.1.1 and 6.2",
	Must: "ignore AUTH=, LOGINDISABLED and STARTTLS once authenticated; offer no login commands then",
	Find: each(func(st *Step) (Finding, bool) {
		var stale []string
		for _, c := range st.Caps {
			if u := strings.ToUpper(c); strings.HasPrefix(u, "AUTH=") || u == "LOGINDISABLED" || u == "STARTTLS" {
				stale = append(stale, c)
			}
		}
		if len(stale) == 0 {
			return Finding{}, false
		}
		return Finding{Detail: "listed after login: " + strings.Join(stale, " ")}, true
	}, "capability-after-login"),
}

// detectUnknownCommandNotBad: a command no server knows is answered with
// something other than BAD.
var detectUnknownCommandNotBad = &Detector{
	ID: "unknown-command-not-bad", Title: "an unknown command is not answered with BAD", Severity: SeverityQuirk,
	RFC:  "RFC 9051 7.1.3",
	Must: "treat NO to an unknown command as \"not supported\" too",
	Find: each(func(st *Step) (Finding, bool) {
		if st.Result == nil || st.Result.Status == nil || strings.EqualFold(st.Status(), "BAD") {
			return Finding{}, false
		}
		return Finding{Detail: "answered " + st.Status()}, true
	}, "unknown-command"),
}

// detectExtraArgumentsAccepted: a command with an argument its grammar
// does not have is performed (Dovecot 2.3 ignores what follows NOOP or
// SELECT's mailbox).
var detectExtraArgumentsAccepted = &Detector{
	ID: "extra-arguments-accepted", Title: "a command with extra arguments is performed, not refused", Severity: SeverityQuirk,
	RFC:  "RFC 9051 9 (formal syntax), 7.1.3",
	Must: "nothing, but test a client's commands against a stricter server: this one will not catch its syntax errors",
	Find: each(func(st *Step) (Finding, bool) {
		return Finding{Detail: st.Label + " got OK"}, st.OK() && st.Result != nil
	}, "extra-arguments"),
}

// detectEnableIgnored: ENABLE of an announced extension ends OK without
// listing it in ENABLED.
var detectEnableIgnored = &Detector{
	ID: "enable-ignored", Title: "ENABLE of an announced extension is not confirmed by ENABLED", Severity: SeverityViolation,
	RFC:  "RFC 5161 3.1",
	Must: "consider the extension off: do not send its syntax (CHANGEDSINCE, QRESYNC, UTF-8 names)",
	Find: func(steps []*Step) []Finding {
		var out []Finding
		for _, st := range stepsOf(steps, "enable") {
			if !st.OK() || st.Result == nil {
				continue
			}
			enabled := enabledIn(st.Result)
			for _, c := range st.Asked {
				if !containsFold(enabled, c) {
					out = append(out, Finding{Step: st, Detail: c + " is not in ENABLED", Breaks: c})
				}
			}
		}
		return out
	},
}

// enabledIn lists the capabilities of a result's ENABLED responses.
func enabledIn(res *client.Result) []string {
	var out []string
	for _, e := range client.Of[*client.EnabledData](res) {
		out = append(out, e.Caps...)
	}
	return out
}
