package render

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// Connection is what the one-line summary of a new session shows (issue
// 11): where it goes and how (TLS version and cipher suite), the server's
// greeting, how the session logged in, and what the capability list
// became at login. It is also the "connected" field of the JSON object of
// \connect and \reconnect.
type Connection struct {
	URL        string   `json:"url"`                   // as typed, password removed
	Security   string   `json:"security"`              // "implicit-tls", "starttls", "plaintext" or "stream" (as the probe's report says)
	TLSVersion string   `json:"tls_version,omitempty"` // "TLS 1.3"
	Cipher     string   `json:"tls_cipher,omitempty"`  // "TLS_AES_128_GCM_SHA256"
	Greeting   string   `json:"greeting,omitempty"`    // the greeting's text, without its code
	Login      string   `json:"login,omitempty"`       // "AUTHENTICATE SCRAM-SHA-256", "LOGIN", "PREAUTH"; absent: not logged in
	Caps       []string `json:"capabilities,omitzero"` // the capability list now, as the server sent it
	// CapsBefore is the list before the login, when one was known.
	CapsBefore []string `json:"capabilities_before_login,omitzero"`
}

// maxGreeting is how much of the greeting's text the summary quotes.
const maxGreeting = 60

// ConnectionLine writes the summary of a new session on one line:
//
//	connected to imaps://alice@host (TLS 1.3, TLS_AES_128_GCM_SHA256): "Dovecot ready."; logged in with AUTHENTICATE SCRAM-SHA-256; capabilities: 58 (+42 after login: ACL BINARY CATENATE CHILDREN …)
func ConnectionLine(w io.Writer, c Connection, opt Options) error {
	p := newPrinter(w, opt)
	line := "connected to " + Safe(c.URL) + " (" + transportText(c) + ")"
	if c.Greeting != "" {
		line += ": " + strconv.Quote(truncate(Safe(c.Greeting), maxGreeting))
	}
	switch c.Login {
	case "":
		line += "; not logged in"
	case "PREAUTH":
		line += "; logged in by the server (PREAUTH)"
	default:
		line += "; logged in with " + Safe(c.Login)
	}
	if c.Caps != nil {
		line += "; capabilities: " + CapsChange(c.CapsBefore, c.Caps, "after login")
	}
	p.line(line)
	return p.finish()
}

// transportText is "TLS 1.3, TLS_AES_128_GCM_SHA256", "STARTTLS, TLS 1.3,
// ...", "no TLS" or "a command's stdin/stdout".
func transportText(c Connection) string {
	switch c.Security {
	case "stream":
		return "a command's stdin and stdout"
	case "plaintext":
		return "no TLS"
	}
	parts := []string{c.TLSVersion, c.Cipher}
	if c.Security == "starttls" {
		parts = append([]string{"STARTTLS"}, parts...)
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ", ")
}

// capsShown is how many added or removed capabilities a summary names.
const capsShown = 4

// CapsChange sums up a capability list against the one before: its size,
// then what was added and removed, a few names each (sorted), with label
// after the added count:
//
//	58 (+42 after login: ACL BINARY CATENATE CHILDREN …; -1: STARTTLS)
//
// "58 (unchanged)" when nothing changed, and "58" when before is nil
// (unknown). The capability command shows the whole list.
func CapsChange(before, after []string, label string) string {
	n := strconv.Itoa(len(after))
	if before == nil {
		return n
	}
	added, removed := capsDiff(before, after), capsDiff(after, before)
	if len(added) == 0 && len(removed) == 0 {
		return n + " (unchanged)"
	}
	var parts []string
	if len(added) > 0 {
		head := "+" + strconv.Itoa(len(added))
		if label != "" {
			head += " " + label
		}
		parts = append(parts, head+": "+fewNames(added))
	}
	if len(removed) > 0 {
		parts = append(parts, "-"+strconv.Itoa(len(removed))+": "+fewNames(removed))
	}
	return n + " (" + strings.Join(parts, "; ") + ")"
}

// capsDiff is what b has and a lacks (case-insensitive), sorted.
func capsDiff(a, b []string) []string {
	in := make(map[string]bool, len(a))
	for _, c := range a {
		in[strings.ToUpper(c)] = true
	}
	var out []string
	for _, c := range b {
		if !in[strings.ToUpper(c)] {
			out = append(out, c)
			in[strings.ToUpper(c)] = true
		}
	}
	slices.SortFunc(out, func(x, y string) int { return strings.Compare(strings.ToUpper(x), strings.ToUpper(y)) })
	return out
}

// fewNames is the first capsShown names, safe, then "…" if there are more.
func fewNames(names []string) string {
	shown := names[:min(len(names), capsShown)]
	s := make([]string, len(shown))
	for i, n := range shown {
		s[i] = Safe(n)
	}
	out := strings.Join(s, " ")
	if len(names) > capsShown {
		out += " …"
	}
	return out
}
