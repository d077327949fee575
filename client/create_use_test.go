package client_test

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestCreateUseMustBeFlag: a special use that is not a \-flag (RFC 6154
// use-attr) is refused before anything is sent, so that "create Foo Bar"
// never becomes CREATE Foo (USE (Bar)) (issue 11, defect 4); the next
// command still gets tag A1.
func TestCreateUseMustBeFlag(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 CREATE-SPECIAL-USE] hi\n"+
		"C: A1 CREATE Foo (USE (\\Junk \\X-Mine))\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	for _, bad := range []string{"Bar", `\`, `\Ju nk`, `\(x`, `\Junk]`, "\\Junk\r\n"} {
		if _, err := c.Create(ctx, "Foo", `\Junk`, bad); err == nil || !strings.Contains(err.Error(), "not a \\-flag") {
			t.Errorf("Create(Foo, %q) = %v, want a local refusal", bad, err)
		}
	}
	res, err := c.Create(ctx, "Foo", `\Junk`, `\X-Mine`)
	if err != nil || !res.OK() {
		t.Fatalf("Create with flags: %v %v", res, err)
	}
}
