package client_test

import (
	"errors"
	"slices"
	"testing"

	"imapsh/client"
	"imapsh/internal/servers"
)

// TestDovecot runs the integration tests against one private Dovecot 2.3
// (internal/servers): the common ones and what only Dovecot offers here.
func TestDovecot(t *testing.T) {
	t.Parallel()
	l := startLab(t, servers.Dovecot)
	runLabTests(t, l, commonTests)
	runLabTests(t, l, []labTest{
		{"Namespace", func(t *testing.T, l *lab) {
			testNamespace(t, l, []client.NamespaceDescr{{Prefix: "", Delim: "/"}},
				[]client.NamespaceDescr{{Prefix: "Shared/", Delim: "/"}}, nil)
		}},
		{"QuotaAsMasterUser", testDovecotQuotaAdmin},
		{"AnnotationUnsupported", testDovecotAnnotation},
		{"Preauth", testDovecotPreauth},
	})
}

// testDovecotQuotaAdmin: GETQUOTA works for the user and for the master
// user alice*admin; SETQUOTA is refused with BAD even for the admin (the
// lab leaves quota_set out because 2.3.19.1 crashes with it).
func testDovecotQuotaAdmin(t *testing.T, l *lab) {
	user := l.user(t, "alice")
	q := labOne[*client.QuotaData](t, labMust(t)(user.GetQuota(t.Context(), "User quota")))
	if q.Root != "User quota" {
		t.Errorf("GETQUOTA as user: %+v", q)
	}
	admin := l.login(t, "alice*admin", l.Users["admin"])
	q = labOne[*client.QuotaData](t, labMust(t)(admin.GetQuota(t.Context(), "User quota")))
	if st, ok := labQuota(q, "STORAGE"); !ok || st.Limit != 10485760 {
		t.Errorf("GETQUOTA as alice*admin: %+v", q)
	}
	_, err := admin.SetQuota(t.Context(), "User quota", []client.QuotaResource{{Name: "STORAGE", Limit: 512000}, {Name: "MESSAGE", Limit: 5000}})
	labServerError(t, err, "BAD")
	if admin.State() != client.StateAuthenticated {
		t.Errorf("state %v after a BAD", admin.State())
	}
}

// testDovecotAnnotation: Dovecot has no ANNOTATEMORE, so the client refuses
// GETANNOTATION locally; sent anyway (Xatom) the server answers BAD.
func testDovecotAnnotation(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	_, err := c.GetAnnotation(t.Context(), "INBOX", "/comment", "value.priv")
	var ce *client.CapabilityError
	if !errors.As(err, &ce) {
		t.Fatalf("GETANNOTATION: want a local *client.CapabilityError, got %v", err)
	}
	_, err = c.Xatom(t.Context(), "GETANNOTATION", `INBOX "/comment" "value.priv"`)
	labServerError(t, err, "BAD")
	_, err = c.Xatom(t.Context(), "SETANNOTATION", `INBOX "/comment" ("value.priv" "hi")`)
	labServerError(t, err, "BAD")
	labMust(t)(c.Noop(t.Context()))
}

// testDovecotPreauth runs a PREAUTH session over a command's stdin and
// stdout (imaplib's IMAP4_stream).
func testDovecotPreauth(t *testing.T, l *lab) {
	c, err := client.DialCommand(t.Context(), l.PreauthCommand("alice"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if g := c.Greeting(); g == nil || g.Status != "PREAUTH" {
		t.Fatalf("greeting %+v", g)
	}
	if c.State() != client.StateAuthenticated || !c.HasCap("METADATA") {
		t.Fatalf("state %v, caps %v", c.State(), c.Caps())
	}
	if _, err := c.Login(t.Context(), "alice", "x"); err == nil {
		t.Error("LOGIN allowed in a PREAUTH session")
	}
	names := labListNames(t, labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{})))
	if !slices.Contains(names, "INBOX") || !slices.Contains(names, "Sent") {
		t.Errorf("LIST over the pipe: %q", names)
	}
	labMust(t)(c.Select(t.Context(), "INBOX", client.SelectOptions{ReadOnly: true}))
	labMust(t)(c.Logout(t.Context()))
}
