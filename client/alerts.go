package client

// Alert is a status response that carries the [ALERT] response code,
// whose text RFC 9051 section 7.1 (and RFC 3501) says the client MUST
// present to the user: in the greeting, in an untagged OK, NO, BAD or BYE
// during any command, or in a command's tagged answer (the login's
// included).
type Alert struct {
	// Command is the command the alert came with: "greeting", the name of
	// the command in flight ("LOGIN", "SELECT"...), or "" for data that
	// arrived when none was.
	Command string
	*StatusResponse
}

// Alerts returns the alerts received since the last call, oldest first,
// and forgets them. Every alert is kept until taken (the newest ones,
// within the bounds of the other session-wide logs: see retained), whether or not the
// command's Result also holds its response (the greeting's, a login's
// run by a connection helper, or a STARTTLS answer are in no Result), so
// a caller that takes them after each command presents them all.
func (c *Client) Alerts() []Alert {
	return c.alerts.take(func(Alert) bool { return true })
}

// recordAlert keeps st for Alerts when it carries [ALERT]; command says
// where it came from.
func (c *Client) recordAlert(st *StatusResponse, command string) {
	if st.Code == nil || st.Code.Name != "ALERT" {
		return
	}
	c.alerts.add(Alert{Command: command, StatusResponse: st}, responseOverhead+int64(len(st.Text)))
}

// commandInFlight names the oldest command waiting for its answer, or "".
func (c *Client) commandInFlight() string {
	if head := c.oldest(); head != nil {
		return head.cmd.name
	}
	return ""
}
