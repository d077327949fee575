package client_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"imapsh/client"
)

// alertCases: the alerts_everywhere transcript. Alerts returns every
// [ALERT], in order, with the command it came with, whatever carried it;
// the Results also hold their responses.
var alertCases = map[string]transcriptCase{
	"alerts_everywhere": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
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
	},
}
