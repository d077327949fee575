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
// (MailKit #860). The same goes for a line the client cannot place: a
// status with a tag no command carries, or with no tag at all, may have
// been the answer it waits for. After any of these the client waits
// lastWordGrace for more, instead of the command timeout: anything that
// comes restores the normal timeout; silence closes the connection with
// an error that quotes the line.

// noteLastWord shortens the wait after an untagged BYE or BAD.
func (c *Client) noteLastWord(resp Response) {
	st, ok := resp.(*StatusResponse)
	if !ok || st.Tag != "" || (st.Status != "BYE" && st.Status != "BAD") {
		return
	}
	c.shortenWait("* " + st.Status + " " + st.Text)
}

// shortenWait makes the read deadline lastWordGrace from now, and quotes
// line if it then passes.
func (c *Client) shortenWait(line string) {
	if c.dl == nil {
		return
	}
	c.lastWord = line
	c.dl.SetReadDeadline(time.Now().Add(lastWordGrace))
}

// lastWordError explains a time-out that followed a last word; other
// errors are returned as they are.
func (c *Client) lastWordError(err error) error {
	var ne net.Error
	if c.lastWord == "" || !errors.As(err, &ne) || !ne.Timeout() {
		return err
	}
	return fmt.Errorf("client: the server sent %q and then nothing for %v; the connection was closed: %w",
		c.lastWord, lastWordGrace, err)
}
