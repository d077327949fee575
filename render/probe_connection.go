package render

import (
	"fmt"
	"strings"

	"imapsh/internal/probe"
)

// labelWidth is the width of the connection section's labels.
const labelWidth = 12

// probeConnection renders how the session was set up.
func probeConnection(p *printer, rep *probe.Report) {
	c := rep.Connection
	where := securityNames[c.Security]
	if c.Address != "" {
		where += " to " + c.Address
	}
	probeSection(p, "CONNECTION", where)
	if g := c.Greeting; g != nil {
		m := markOK
		if g.Status != "OK" && g.Status != "PREAUTH" {
			m = markBroken
		}
		item(p, m, "greeting", labelWidth, Safe(g.Status), codeBracket(g.Code), Safe(g.Text), paint(p.th.Dim, msText(c.GreetingMS)))
	}
	probeStartTLS(p, c)
	if t := c.TLS; t != nil {
		item(p, markOK, "TLS", labelWidth, t.Version+",", t.Cipher, paint(p.th.Dim, msText(c.TLSMS)))
		probeCertificate(p, t)
	}
	probeLogin(p, c)
	probeSASL(p, "SASL before TLS", c.SASLBeforeTLS, nil)
	probeSASL(p, "SASL after TLS", c.SASLAfterTLS, c.SASLBeforeTLS)
	if c.Error != "" {
		wrapAfter(p, "  "+mark(p.th, markBroken)+" "+padRight("stopped", labelWidth)+" ", labelWidth+5, Safe(c.Error))
	}
}

// securityNames say how the connection was made.
var securityNames = map[string]string{
	"implicit-tls": "imaps:// (implicit TLS)", "starttls": "imap:// with STARTTLS", "plaintext": "imap:// without TLS",
	"stream": "a command's stdin and stdout", "existing": "the shell's session",
}

// codeBracket shows a response code's name as [NAME], or "".
func codeBracket(code string) string {
	if code == "" {
		return ""
	}
	return "[" + Safe(code) + "]"
}

// probeStartTLS renders what an imap:// server offers before TLS.
func probeStartTLS(p *printer, c probe.Connection) {
	st := c.StartTLS
	if st == nil {
		return
	}
	if !st.Offered {
		item(p, markBroken, "STARTTLS", labelWidth, "not offered")
		return
	}
	item(p, markOK, "STARTTLS", labelWidth, "offered")
	plain := containsFold(c.SASLBeforeTLS, "PLAIN") || containsFold(c.SASLBeforeTLS, "LOGIN")
	switch {
	case st.LoginDisabled && !plain:
		item(p, markOK, "before TLS", labelWidth, "LOGINDISABLED, no AUTH=PLAIN or LOGIN: no password is taken in the clear")
	case st.LoginDisabled:
		item(p, markShould, "before TLS", labelWidth, "LOGINDISABLED, but AUTH=PLAIN or LOGIN is offered in the clear (a client must upgrade first)")
	default:
		item(p, markShould, "before TLS", labelWidth, "no LOGINDISABLED: LOGIN is taken in the clear (a client must upgrade first)")
	}
}

// probeCertificate renders the server's certificate and whether it is
// good for the host.
func probeCertificate(p *printer, t *probe.TLSInfo) {
	m := markOK
	switch {
	case !t.Trusted || !t.HostMatch:
		m = markBroken
	case t.DaysLeft < 14:
		m = markShould
	}
	item(p, m, "certificate", labelWidth, Safe(t.Subject)+",", "issued by", Safe(t.Issuer))
	indent := strings.Repeat(" ", labelWidth+5)
	if len(t.SANs) > 0 {
		p.line(indent + "names " + Safe(strings.Join(t.SANs, " ")))
	}
	var facts []string
	facts = append(facts, fmt.Sprintf("expires %s (%s)", t.NotAfter.Format("2006-01-02"), daysLeft(t.DaysLeft)))
	if t.HostMatch {
		facts = append(facts, "valid for "+Safe(t.Host))
	} else {
		facts = append(facts, paint(p.th.Bad, "NOT valid for "+Safe(t.Host)))
	}
	switch {
	case t.Trusted:
		facts = append(facts, "trusted")
	default:
		facts = append(facts, paint(p.th.Bad, "not trusted: "+Safe(t.TrustError)))
	}
	if t.Insecure {
		facts = append(facts, paint(p.th.No, "not required (--insecure)"))
	}
	wrapAfter(p, indent, len(indent), strings.Join(facts, "; "))
}

// daysLeft says when a certificate expires relative to now.
func daysLeft(n int) string {
	switch {
	case n < 0:
		return fmt.Sprintf("expired %s ago", plural(-n, "day"))
	case n == 0:
		return "today"
	}
	return "in " + plural(n, "day")
}

// probeLogin renders how the probe logged in.
func probeLogin(p *printer, c probe.Connection) {
	l := c.Login
	if l == nil {
		return
	}
	who := ""
	if l.User != "" {
		who = "as " + Safe(l.User)
	}
	if !l.OK {
		item(p, markBroken, "login", labelWidth, Safe(l.Method), who, paint(p.th.Bad, Safe(l.Error)))
		return
	}
	caps := ""
	if l.Method != "PREAUTH" && l.Method != "existing session" && !l.CapabilitiesSent {
		caps = paint(p.th.Dim, "(no capability list with the answer)")
	}
	item(p, markOK, "login", labelWidth, Safe(l.Method), who, caps, paint(p.th.Dim, msText(c.LoginMS)))
}

// probeSASL renders the AUTH= mechanisms of one stage.
func probeSASL(p *printer, label string, mechs, before []string) {
	if len(mechs) == 0 {
		return
	}
	const w = 17
	if before != nil && strings.Join(mechs, " ") == strings.Join(before, " ") {
		p.line("    " + padRight(label, w) + paint(p.th.Dim, "the same"))
		return
	}
	wrapped(p, "    "+padRight(label, w), w+4, mechs)
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// probeCapabilities renders the lists at each stage and what changed.
func probeCapabilities(p *printer, rep *probe.Report) {
	c := rep.Caps
	probeSection(p, "CAPABILITIES", "")
	const w = 14
	if c.BeforeTLS != nil {
		wrapped(p, "  "+padRight("before TLS", w), w+2, c.BeforeTLS)
	}
	if c.AfterTLS != nil {
		capStage(p, "after TLS", c.TLSChanges, c.AfterTLS, c.BeforeTLS != nil)
	}
	capStage(p, "after login", c.LoginChanges, c.AfterLogin, c.BeforeTLS != nil || c.AfterTLS != nil)
}

// capStage renders one stage: its changes when there is an earlier one,
// and the list.
func capStage(p *printer, label string, ch *probe.CapChange, list []string, hasEarlier bool) {
	const w = 14
	if hasEarlier {
		if ch == nil {
			p.line("  " + padRight(label, w) + paint(p.th.Dim, "unchanged"))
			return
		}
		var words []string
		for _, a := range ch.Added {
			words = append(words, paint(p.th.OK, "+"+Safe(a)))
		}
		for _, r := range ch.Removed {
			words = append(words, paint(p.th.No, "-"+Safe(r)))
		}
		wrappedPainted(p, "  "+padRight(label, w), w+2, words)
		label = ""
	}
	wrapped(p, "  "+padRight(label, w), w+2, list)
}

// wrappedPainted is wrapped for words that are already safe and painted.
func wrappedPainted(p *printer, label string, indent int, words []string) {
	line, used := label, indent
	for i, w := range words {
		ww := textWidth(stripANSI(w))
		if i > 0 && used+1+ww > p.width() {
			p.line(line)
			line, used = strings.Repeat(" ", indent), indent
		} else if i > 0 {
			line, used = line+" ", used+1
		}
		line, used = line+w, used+ww
	}
	p.line(strings.TrimRight(line, " "))
}

// stripANSI removes colour sequences, to measure painted text.
func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
