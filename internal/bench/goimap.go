package main

import (
	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// setupGoIMAP does the same with github.com/emersion/go-imap/v2's client,
// collecting each message's items one by one (not buffering the answer).
// Only the standard items are requested: UID FLAGS ENVELOPE RFC822.SIZE.
func setupGoIMAP(cfg config) (fetchFunc, error) {
	tlsCfg, err := cfg.tlsConfig()
	if err != nil {
		return nil, err
	}
	opts := &imapclient.Options{TLSConfig: tlsCfg}
	var c *imapclient.Client
	switch cfg.Security {
	case "tls":
		c, err = imapclient.DialTLS(cfg.Addr, opts)
	case "starttls":
		c, err = imapclient.DialStartTLS(cfg.Addr, opts)
	default:
		c, err = imapclient.DialInsecure(cfg.Addr, opts)
	}
	if err != nil {
		return nil, err
	}
	if err := c.Login(cfg.User, cfg.Pass).Wait(); err != nil {
		return nil, err
	}
	if _, err := c.Select(cfg.Mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return nil, err
	}
	return func() (int, int64, error) {
		all := imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}
		cmd := c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true, Envelope: true, RFC822Size: true})
		n := 0
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			if _, err := msg.Collect(); err != nil {
				cmd.Close()
				return n, 0, err
			}
			n++
		}
		return n, 0, cmd.Close()
	}, nil
}
