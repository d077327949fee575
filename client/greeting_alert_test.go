package client

import (
	"context"
	"testing"

	"imapsh/client/clienttest"
)

// TestStreamAlertBeforePreauth: Courier-IMAP's imapd started
// preauthenticated without FAM/gamin sends an [ALERT] line before its
// PREAUTH greeting (the lab's courier-preauth.sh). Over a command stream
// the PREAUTH is the greeting and the alert is kept; an OK [ALERT] with no
// PREAUTH after it stays the greeting.
func TestStreamAlertBeforePreauth(t *testing.T) {
	tests := []struct {
		name   string
		script string
		status string
		state  State
	}{
		{"courier", `printf '* OK [ALERT] Filesystem notification initialization error -- contact your mail administrator\r\n* PREAUTH Ready.\r\n'`, "PREAUTH", StateAuthenticated},
		{"alert greeting alone", `printf '* OK [ALERT] maintenance at 22:00\r\n'`, "OK", StateNotAuthenticated},
		{"OK without alert then PREAUTH", `printf '* OK ready\r\n* PREAUTH Ready.\r\n'`, "OK", StateNotAuthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := DialCommand(context.Background(), []string{"sh", "-c", tt.script + "; cat >/dev/null"}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if g := c.Greeting(); g.Status != tt.status || c.State() != tt.state {
				t.Errorf("greeting %s, state %v; want %s, %v", g.Status, c.State(), tt.status, tt.state)
			}
			if alerts := c.Alerts(); tt.name != "OK without alert then PREAUTH" && len(alerts) != 1 {
				t.Errorf("alerts %+v, want the one sent", alerts)
			}
		})
	}
}

// TestNetworkAlertThenPreauthIsNotTaken: on a network connection a
// PREAUTH after an OK greeting is not a greeting (it could be injected
// to skip STARTTLS): the session stays unauthenticated.
func TestNetworkAlertThenPreauthIsNotTaken(t *testing.T) {
	conn := clienttest.Serve(t, "S: * OK [ALERT] Filesystem notification initialization error\nS: * PREAUTH Ready.\n")
	c, err := New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := c.Greeting(); g.Status != "OK" || c.State() != StateNotAuthenticated {
		t.Errorf("greeting %s, state %v; want OK, not authenticated", g.Status, c.State())
	}
}
