package client_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// alertWire has an [ALERT] in each place RFC 9051 section 7.1 allows one:
// the greeting, the login's tagged OK, an untagged OK during SELECT, an
// untagged NO and BAD during NOOP, a tagged NO, and the BYE of LOGOUT.
const alertWire = `S: * OK [ALERT] Maintenance at 22:00 UTC
C: A1 LOGIN alice secret
S: A1 OK [ALERT] Your password expires in 3 days
C: A2 SELECT INBOX
S: * 3 EXISTS
S: * OK [ALERT] Mailbox is 95% full
S: * OK [UIDVALIDITY 7] ok
S: A2 OK [READ-WRITE] done
C: A3 NOOP
S: * NO [ALERT] Quota warning
S: * BAD [ALERT] Something odd
S: A3 OK done
C: A4 STATUS INBOX (MESSAGES)
S: A4 NO [ALERT] STATUS is disabled
C: A5 LOGOUT
S: * BYE [ALERT] Server going down
S: A5 OK bye
`

// TestAlertsEverywhere: Alerts returns every [ALERT], in order, with the
// command it came with, whatever carried it; the Results also hold their
// responses.
func TestAlertsEverywhere(t *testing.T) {
	c, err := client.New(clienttest.Serve(t, alertWire), &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t)(c.Login(bg, "alice", "secret"))
	res := must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
	eq(t, "SELECT keeps the untagged alert", client.Of[*client.StatusResponse](res)[0].Code.Name, "ALERT")
	must(t)(c.Noop(bg))
	if _, err := c.Status(bg, "INBOX", []string{"MESSAGES"}); err == nil {
		t.Fatal("STATUS: want the NO")
	}
	if _, err := c.Logout(bg); err != nil && !errors.Is(err, client.ErrBye) {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Alerts() {
		got = append(got, fmt.Sprintf("%s %s %s", a.Command, a.Status, a.Text))
	}
	want := []string{
		"greeting OK Maintenance at 22:00 UTC",
		"LOGIN OK Your password expires in 3 days",
		"SELECT OK Mailbox is 95% full",
		"NOOP NO Quota warning",
		"NOOP BAD Something odd",
		"STATUS NO STATUS is disabled",
		"LOGOUT BYE Server going down",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("alerts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Alerts()) != 0 {
		t.Error("Alerts did not forget what it returned")
	}
}
