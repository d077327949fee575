package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"imapsh/client"
)

// setupClient logs in with imapsh's client and examines the mailbox; the
// returned fetch parses every FETCH into typed data and keeps none.
func setupClient(cfg config) (fetchFunc, error) {
	ctx := context.Background()
	sec := map[string]client.Security{"tls": client.ImplicitTLS, "starttls": client.StartTLS, "plain": client.Plaintext}[cfg.Security]
	c, err := client.Dial(ctx, cfg.Addr, client.DialOptions{
		Security: sec,
		TLS:      client.TLSOptions{CAFile: cfg.CAFile},
		Options:  client.Options{AllowPlaintextAuth: true, CommandTimeout: 10 * time.Minute},
	})
	if err != nil {
		return nil, err
	}
	if _, err := c.Login(ctx, cfg.User, cfg.Pass); err != nil {
		return nil, err
	}
	if _, err := c.Select(ctx, cfg.Mailbox, client.SelectOptions{ReadOnly: true}); err != nil {
		return nil, err
	}
	return func() (int, int64, error) {
		n, envelopes := 0, 0
		_, err := c.Fetch(ctx, cfg.Seq, cfg.Items, client.FetchOptions{Each: func(f *client.FetchData) {
			n++
			if f.Envelope != nil {
				envelopes++
			}
		}})
		if err == nil && strings.Contains(strings.ToUpper(cfg.Items), "ENVELOPE") && envelopes != n {
			err = fmt.Errorf("client phase: %d of %d FETCH responses without ENVELOPE", n-envelopes, n)
		}
		return n, 0, err
	}, nil
}
