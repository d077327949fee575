package client_test

import (
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/internal/servers"
)

// TestCyrus runs the integration tests against one private Cyrus IMAP 3.x
// (internal/servers): the common ones and Cyrus's admin commands.
func TestCyrus(t *testing.T) {
	t.Parallel()
	l := startLab(t, servers.Cyrus)
	runLabTests(t, l, commonTests)
	runLabTests(t, l, []labTest{
		{"Namespace", func(t *testing.T, l *lab) {
			testNamespace(t, l, []client.NamespaceDescr{{Prefix: "INBOX.", Delim: "."}},
				[]client.NamespaceDescr{{Prefix: "user.", Delim: "."}},
				[]client.NamespaceDescr{{Prefix: "", Delim: "."}})
		}},
		{"LowerCaseSpecialUse", testCyrusLowerCaseSpecialUse},
		{"QuotaAdmin", testCyrusQuotaAdmin},
		{"Annotation", testCyrusAnnotation},
	})
}

// startLab starts a server while holding memoryQuiet, so its start-up does
// not disturb a heap measurement of the other server's tests.
func startLab(t *testing.T, start func(testing.TB) *servers.Server) *lab {
	memoryQuiet.RLock()
	defer memoryQuiet.RUnlock()
	return newLab(start(t))
}

// testCyrusLowerCaseSpecialUse: Cyrus sends \drafts, \sent ... in lower
// case; the client keeps them as sent (matching is case-insensitive).
func testCyrusLowerCaseSpecialUse(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	res := labMust(t)(c.List(t.Context(), "", l.box("Drafts"), client.ListOptions{Return: "SPECIAL-USE"}))
	d := labOne[*client.ListData](t, res)
	found := false
	for _, a := range d.Attrs {
		if strings.EqualFold(a, `\Drafts`) {
			found = true
		}
	}
	if !found {
		t.Errorf("%s attributes %q lack \\Drafts", d.Mailbox, d.Attrs)
	}
}

// testCyrusQuotaAdmin: GETQUOTA is for admins only on Cyrus; SETQUOTA by
// the admin changes what the user's GETQUOTAROOT shows.
func testCyrusQuotaAdmin(t *testing.T, l *lab) {
	ctx := t.Context()
	bob := l.user(t, "bob")
	_, err := bob.GetQuota(ctx, "INBOX")
	labServerError(t, err, "NO")

	admin := l.user(t, "admin")
	q := labOne[*client.QuotaData](t, labMust(t)(admin.GetQuota(ctx, "user.bob")))
	if st, ok := labQuota(q, "STORAGE"); q.Root != "user.bob" || !ok || st.Limit != 10485760 {
		t.Fatalf("GETQUOTA user.bob as admin: %+v", q)
	}
	labMust(t)(admin.SetQuota(ctx, "user.bob", []client.QuotaResource{{Name: "STORAGE", Limit: 512000}, {Name: "MESSAGE", Limit: 5000}}))
	res := labMust(t)(bob.GetQuotaRoot(ctx, "INBOX"))
	q = labOne[*client.QuotaData](t, res)
	st, _ := labQuota(q, "STORAGE")
	msgs, _ := labQuota(q, "MESSAGE")
	if st.Limit != 512000 || msgs.Limit != 5000 {
		t.Errorf("bob's quota after SETQUOTA: %+v", q)
	}
}

// testCyrusAnnotation: the draft ANNOTATEMORE commands imaplib sends
// (enabled with annotation_enable_legacy_commands).
func testCyrusAnnotation(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-annotation")
	labMust(t)(c.Create(ctx, name))
	hi := "hi there"
	labMust(t)(c.SetAnnotation(ctx, name, "/comment", []client.MetadataEntry{{Name: "value.priv", Value: &hi}}))
	res := labMust(t)(c.GetAnnotation(ctx, name, "/comment", "value.priv"))
	a := labOne[*client.AnnotationData](t, res)
	if a.Mailbox != name || a.Entry != "/comment" || len(a.Attributes) != 1 ||
		a.Attributes[0].Name != "value.priv" || a.Attributes[0].Value == nil || *a.Attributes[0].Value != hi {
		t.Errorf("ANNOTATION %+v", a)
	}
}
