package repl

import (
	"imapsh/client"
	"imapsh/render"
)

// Alerts: every [ALERT] the server sends reaches the user (RFC 9051
// section 7.1 says the client MUST present its text), wherever it came:
// the greeting, a login or select done while connecting, an untagged
// OK/NO/BAD/BYE during any command, a tagged answer. On a terminal in text
// mode an alert that the rendered result shows (as "ALERT: text") is not
// repeated; every other one is written to stderr as "alert: text (from)".
// With --json, --raw or output to a file or pipe, every alert goes to
// stderr, the command's JSON object lists them in "alerts", and an alert
// that came outside any command (while connecting) gets a JSON line of its
// own: {"alert":…,"status":…,"command":…}.

// markShown notes the alert-carrying responses that were rendered.
func (s *output) markShown(rs ...client.Response) {
	if !s.alertsInline() {
		return
	}
	for _, r := range rs {
		if st, ok := r.(*client.StatusResponse); ok && st != nil && st.Code != nil && st.Code.Name == "ALERT" {
			if s.shownAlerts == nil {
				s.shownAlerts = map[*client.StatusResponse]bool{}
			}
			s.shownAlerts[st] = true
		}
	}
}

// presentAlerts writes the alerts not shown already to stderr, the same
// alert repeated in a row as one line with a count, and, when standalone
// (they belong to no command's JSON object), as JSON lines.
func (s *output) presentAlerts(alerts []client.Alert, standalone bool) {
	opt := s.renderOptions()
	var last client.Alert
	times := 0
	flush := func() {
		if times > 0 {
			render.AlertRepeated(s.stderr, last, times, opt)
		}
	}
	for _, a := range alerts {
		if s.shownAlerts[a.StatusResponse] {
			continue
		}
		if times > 0 && sameAlert(a, last) {
			times++
			continue
		}
		flush()
		last, times = a, 1
		if standalone && s.json {
			s.writeJSONLine(render.AlertJSON(a))
		}
	}
	flush()
	clear(s.shownAlerts)
}

// sameAlert reports whether two alerts say the same thing from the same place.
func sameAlert(a, b client.Alert) bool {
	return a.Text == b.Text && a.Status == b.Status && a.Command == b.Command
}

// alertTexts lists the alerts' texts for a JSON object.
func alertTexts(alerts []client.Alert) []string {
	var out []string
	for _, a := range alerts {
		out = append(out, a.Text)
	}
	return out
}
