package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/history"
)

// TestStartTLSCommandUsesTLSOptions: the starttls command checks the
// server certificate with the command line's TLS options: with the test
// CA as --cafile the upgrade works; with a --cafile that cannot be read it
// is refused before STARTTLS is sent.
func TestStartTLSCommandUsesTLSOptions(t *testing.T) {
	for _, trusted := range []bool{true, false} {
		transcript := "S: * OK [CAPABILITY IMAP4rev1 STARTTLS] hi\nC: A1 LOGOUT\nS: A1 OK\n"
		if trusted {
			transcript = "S: * OK [CAPABILITY IMAP4rev1 STARTTLS] hi\nC: A1 STARTTLS\nS: A1 OK go\n!starttls\n" +
				"C: A2 CAPABILITY\nS: * CAPABILITY IMAP4rev1\nS: A2 OK\nC: A3 LOGOUT\nS: A3 OK\n"
		}
		conn := clienttest.Serve(t, transcript)
		c, err := client.New(conn, nil)
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Stdout: &lockedBuffer{}, Stderr: &lockedBuffer{}, History: history.Disabled()}
		cfg.TLS = client.TLSOptions{CAFile: t.TempDir() + "/missing.pem"}
		if trusted {
			cfg.TLS = client.TLSOptions{CAFile: clienttest.CAFile(t)}
		}
		s := NewSession(cfg, c, &Target{Host: "localhost"})
		code := s.Run(context.Background(), &scripted{lines: []string{"starttls"}})
		errs := cfg.Stderr.(*lockedBuffer).String()
		if trusted && (code != ExitOK || !c.IsTLS()) {
			t.Errorf("with the CA: exit %d, TLS %v; stderr:\n%s", code, c.IsTLS(), errs)
		}
		if !trusted && (code != ExitFailures || !strings.Contains(errs, "CA file")) {
			t.Errorf("without the CA: exit %d; stderr:\n%s", code, errs)
		}
	}
}
