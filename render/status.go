package render

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"imapsh/client"
)

// statusLine renders a tagged or untagged status response (RFC 9051
// section 7.1): "OK [READ-WRITE] Select completed". An ALERT code is
// shown as "ALERT: text", highlighted.
func statusLine(p *printer, r *client.StatusResponse) {
	status := paint(statusColor(p.th, r.Status), Safe(r.Status))
	if r.Code != nil && strings.EqualFold(r.Code.Name, "ALERT") {
		p.line(status, paint(p.th.Alert, "ALERT: "+Safe(r.Text)))
		return
	}
	code := codeText(p.th, r.Code)
	if r.Code != nil && strings.EqualFold(r.Code.Name, "CAPABILITY") {
		code = capsCodeText(p, r.Code)
	}
	p.line(status, code, Safe(r.Text))
}

// capsShownWhole is the longest capability list a status line shows whole
// when the list before is unknown.
const capsShownWhole = 8

// capsCodeText sums up a [CAPABILITY] code, as the answer to a login
// carries it (Dovecot: 60 words): what changed, or how many there are;
// the capability command shows them all. A short list with nothing to
// compare it to is shown as sent.
func capsCodeText(p *printer, code *client.Code) string {
	before, caps := p.opt.CapsBefore, code.Strings()
	switch {
	case before == nil && len(caps) <= capsShownWhole:
		return codeText(p.th, code)
	case before == nil:
		return paint(p.th.Code, "[CAPABILITY: "+strconv.Itoa(len(caps))+" listed]")
	}
	return paint(p.th.Code, "[CAPABILITY: "+CapsChange(before, caps, "")+"]")
}

func statusColor(th *Theme, status string) *color.Color {
	switch strings.ToUpper(status) {
	case "OK", "PREAUTH":
		return th.OK
	case "NO":
		return th.No
	}
	return th.Bad
}

// Error writes err for a human, normally to stderr: an "error: ..." line,
// then one "hint: ..." line per line of hint. It is the one error printer
// of imapsh (the shell and main alike). A *client.Error shows the command,
// status, response code and text; any other error its ErrorText.
func Error(w io.Writer, err error, hint string, opt Options) error {
	p := newPrinter(w, opt)
	if err != nil {
		p.line(paint(p.th.Bad, "error:"), errorText(p.th, err))
	}
	if hint != "" {
		for _, h := range strings.Split(strings.TrimRight(hint, "\n"), "\n") {
			p.line(paint(p.th.Dim, "hint:"), Safe(h))
		}
	}
	return p.finish()
}

// ErrorText is an error's text for a human: made safe for a terminal, and
// without the "client: " prefix of the client's errors (also after a
// file:line prefix). The shell and main drop that prefix here alone; the
// probe, which does not import render, drops it in its own errText.
func ErrorText(err error) string { return Safe(dropClientPrefix(err.Error())) }

// dropClientPrefix drops each "client: " that starts s or follows ": ",
// where the client's errors and their wrappers put it; the same words
// elsewhere (a server's text after "NO ", a quoted argument) stay.
func dropClientPrefix(s string) string {
	const prefix = "client: "
	var b strings.Builder
	last := 0
	for at := 0; ; at += len(prefix) {
		k := strings.Index(s[at:], prefix)
		if k < 0 {
			break
		}
		at += k
		if at == 0 || strings.HasSuffix(s[:at], ": ") {
			b.WriteString(s[last:at])
			last = at + len(prefix)
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func errorText(th *Theme, err error) string {
	var ce *client.Error
	if errors.As(err, &ce) && ce.StatusResponse != nil {
		parts := nonEmpty([]string{
			paint(statusColor(th, ce.Status), Safe(ce.Status)),
			codeText(th, ce.Code),
			Safe(ce.Text),
		})
		prefix := ""
		if ce.Command != "" {
			prefix = Safe(ce.Command) + ": "
		}
		return prefix + strings.Join(parts, " ")
	}
	return ErrorText(err)
}

// Alert writes an [ALERT] for the user (RFC 9051 section 7.1: it MUST be
// presented), normally to stderr: "alert: TEXT" painted like an alert,
// then in parentheses the command it came with ("greeting", "LOGIN") and
// its status when that is not OK.
func Alert(w io.Writer, a client.Alert, opt Options) error {
	return AlertRepeated(w, a, 1, opt)
}

// AlertRepeated shows an alert that came times times in a row (a server
// repeating one [ALERT] in a flood) as one line ending in "×times".
func AlertRepeated(w io.Writer, a client.Alert, times int, opt Options) error {
	p := newPrinter(w, opt)
	text := a.Text
	if text == "" {
		text = "(no text)"
	}
	var from []string
	if a.Command != "" {
		from = append(from, a.Command)
	}
	if a.Status != "OK" {
		from = append(from, a.Status)
	}
	line := paint(p.th.Alert, "alert: "+Safe(text))
	if len(from) > 0 {
		line += " " + paint(p.th.Dim, "("+Safe(strings.Join(from, ", "))+")")
	}
	if times > 1 {
		line += " " + paint(p.th.Dim, "×"+strconv.Itoa(times))
	}
	p.line(line)
	return p.finish()
}
