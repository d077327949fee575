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
// and forgets them. Every alert is kept until taken, whether or not the
// command's Result also holds its response (the greeting's, a login's
// run by a connection helper, or a STARTTLS answer are in no Result), so
// a caller that takes them after each command presents them all.
func (c *Client) Alerts() []Alert {
	out := c.alerts
	c.alerts = nil
	return out
}

// recordAlert keeps st for Alerts when it carries [ALERT]; command says
// where it came from.
func (c *Client) recordAlert(st *StatusResponse, command string) {
	if st.Code == nil || st.Code.Name != "ALERT" {
		return
	}
	if len(c.alerts) >= maxStored {
		c.alerts = append(c.alerts[:0], c.alerts[len(c.alerts)-maxStored/2:]...)
	}
	c.alerts = append(c.alerts, Alert{Command: command, StatusResponse: st})
}

// commandInFlight names the oldest command waiting for its answer, or "".
func (c *Client) commandInFlight() string {
	if head := c.oldest(); head != nil {
		return head.cmd.name
	}
	return ""
}
