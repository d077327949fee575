package client

import (
	"errors"
	"fmt"
	"net"
	"time"
)

// A server's last word: after an untagged BYE, or an untagged BAD (which
// RFC 9051 section 7.1.3 allows for a command the server could not tie to
// a tag), a server may never send the tagged answer. interia.pl answered
// LIST with "* BAD [ALERT] Please enable IMAP access ..." and nothing else
// (MailKit #860). The client then waits cancelGrace for more, instead of
// the command timeout: anything that comes restores the normal timeout;
// silence closes the connection with an error that quotes the line.

// noteLastWord shortens the wait after an untagged BYE or BAD.
func (c *Client) noteLastWord(resp Response) {
	st, ok := resp.(*StatusResponse)
	if !ok || st.Tag != "" || (st.Status != "BYE" && st.Status != "BAD") || c.dl == nil {
		return
	}
	c.lastWord = st
	c.dl.SetReadDeadline(time.Now().Add(cancelGrace))
}

// lastWordError explains a time-out that followed a last word; other
// errors are returned as they are.
func (c *Client) lastWordError(err error) error {
	var ne net.Error
	if c.lastWord == nil || !errors.As(err, &ne) || !ne.Timeout() {
		return err
	}
	st := c.lastWord
	return fmt.Errorf("client: the server sent \"* %s %s\" and then nothing for %v; the connection was closed: %w",
		st.Status, st.Text, cancelGrace, err)
}
