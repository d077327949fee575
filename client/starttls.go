package client

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
)

// StartTLS upgrades the connection with STARTTLS (RFC 9051 section 6.2.1;
// imaplib starttls). It refuses unless the server advertises STARTTLS and
// answers a tagged OK; bytes that arrive with the OK (a STARTTLS injection
// attack) abort the connection; afterwards every capability learnt in the
// clear is forgotten and CAPABILITY is asked again over TLS.
func (c *Client) StartTLS(ctx context.Context, cfg *tls.Config) error {
	conn, ok := c.raw.(net.Conn)
	if !ok || c.tls {
		return fmt.Errorf("%w: not a plain TCP connection", ErrTLSRequired)
	}
	if err := c.check("STARTTLS", Need{States: Needs.StartTLS.States}, ""); err != nil {
		return err
	}
	if !c.HasCapsKnown() {
		if _, err := c.Capability(ctx); err != nil {
			return err
		}
	}
	if !Needs.StartTLS.CapsOK(c.caps) { // a downgrade: ErrTLSRequired, not a mere CapabilityError
		return fmt.Errorf("%w: the server does not advertise STARTTLS", ErrTLSRequired)
	}
	res, err := c.execute(ctx, &command{name: "STARTTLS"})
	if err != nil {
		c.Close()
		return fmt.Errorf("%w: %v", ErrTLSRequired, err)
	}
	c.caps, c.capOrder = nil, nil // drop a [CAPABILITY] sent on the OK too
	c.enabled = map[string]bool{} // and anything learnt in the clear
	if c.br.Buffered() > 0 {
		c.Close()
		return fmt.Errorf("%w: the server sent data after its STARTTLS answer (possible injection); connection closed", ErrTLSRequired)
	}
	_ = res
	tconn := tls.Client(newBufferedConn(conn), cfg)
	if err := tconn.HandshakeContext(ctx); err != nil {
		c.Close()
		return fmt.Errorf("client: TLS: %w", err)
	}
	c.raw, c.netConn, c.dl, c.tls = tconn, tconn, tconn, true
	c.setStreams(tconn, tconn, nil)
	_, err = c.Capability(ctx)
	return err
}
