package client

import "crypto/tls"

// TLSConnectionState returns the state of the connection's TLS session
// (version, cipher suite, the server's certificates), after implicit TLS
// or STARTTLS (RFC 9051 section 6.2.1); false when it is not encrypted.
func (c *Client) TLSConnectionState() (tls.ConnectionState, bool) {
	t, ok := c.raw.(*tls.Conn)
	if !ok {
		return tls.ConnectionState{}, false
	}
	return t.ConnectionState(), true
}
