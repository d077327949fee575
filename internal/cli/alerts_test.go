package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"imapsh/client/clienttest"
)

// TestAlertsOfAFailedLogin: when the login fails on connect, the shell
// never starts, so main reports the greeting's and the login's [ALERT]s
// with ReportAlerts before the error (RFC 9051 section 7.1).
func TestAlertsOfAFailedLogin(t *testing.T) {
	addr := clienttest.Listen(t, "S: * OK [ALERT] Maintenance tonight\n"+
		"C: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1\nS: A1 OK done\n"+
		"C: A2 LOGIN alice wrong\nS: A2 NO [ALERT] Account locked, call the help desk\n!eof\n")
	e := endpointOf(t, addr)
	e.User = "alice"
	c := &Connector{Plaintext: true, Stderr: &bytes.Buffer{}, Passwords: &Passwords{}}
	c.Passwords.Remember("alice", e.Addr(), "wrong")
	cl, err := c.Connect(context.Background(), e)
	var le *LoginError
	if !errors.As(err, &le) || cl == nil {
		t.Fatalf("err %v, client %v", err, cl)
	}
	var out bytes.Buffer
	ReportAlerts(&out, cl)
	cl.Close()
	want := "alert: Maintenance tonight (greeting)\nalert: Account locked, call the help desk (LOGIN, NO)\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	if ReportAlerts(&out, nil); !strings.HasSuffix(out.String(), want) {
		t.Error("a nil client wrote something")
	}
}
