package client_test

// Integration tests against real Dovecot, Cyrus and Courier: ACL, quota,
// metadata.
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"imapsh/client"
)

func testACL(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-acl")
	labMust(t)(c.Create(ctx, name))
	my := labOne[*client.MyRightsData](t, labMust(t)(c.MyRights(ctx, name)))
	if my.Mailbox != name || !strings.ContainsAny(my.Rights, "a") || !strings.Contains(my.Rights, "l") {
		t.Errorf("MYRIGHTS %+v", my)
	}
	labMust(t)(c.SetACL(ctx, name, "bob", "lrs"))
	acl := labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name)))
	if got := labACLRights(acl, "bob"); got != "lrs" {
		t.Errorf("GETACL: bob has %q, want lrs (%+v)", got, acl)
	}
	labMust(t)(c.SetACL(ctx, name, "bob", "+w"))
	if got := labACLRights(labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name))), "bob"); !strings.Contains(got, "w") {
		t.Errorf("SETACL +w: bob has %q", got)
	}
	lr := labOne[*client.ListRightsData](t, labMust(t)(c.ListRights(ctx, name, "bob")))
	if lr.Identifier != "bob" || len(lr.Optional) == 0 {
		t.Errorf("LISTRIGHTS %+v", lr)
	}
	labMust(t)(c.DeleteACL(ctx, name, "bob"))
	if got := labACLRights(labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name))), "bob"); got != "" {
		t.Errorf("after DELETEACL bob still has %q", got)
	}
}

func labACLRights(acl *client.ACLData, who string) string {
	for _, e := range acl.Entries {
		if e.Identifier == who {
			return e.Rights
		}
	}
	return ""
}

// quotaOf returns the resource of a QUOTA response.
func labQuota(q *client.QuotaData, name string) (client.QuotaResource, bool) {
	for _, r := range q.Resources {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return client.QuotaResource{}, false
}

func testQuotaRoot(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	res := labMust(t)(c.GetQuotaRoot(t.Context(), "INBOX"))
	root := labOne[*client.QuotaRootData](t, res)
	wantRoot := map[string]string{"dovecot": "User quota", "cyrus": "INBOX", "courier": "ROOT"}[l.Name]
	if root.Mailbox != "INBOX" || !slices.Equal(root.Roots, []string{wantRoot}) {
		t.Errorf("QUOTAROOT %+v, want root %q", root, wantRoot)
	}
	q := labOne[*client.QuotaData](t, res)
	if st, ok := labQuota(q, "STORAGE"); !ok || st.Limit != 10485760 {
		t.Errorf("QUOTA STORAGE %+v, want a limit of 10485760 KiB", q)
	}
	if m, ok := labQuota(q, "MESSAGE"); !ok || m.Limit != 1000000 {
		t.Errorf("QUOTA MESSAGE %+v", q)
	}
	_, err := c.SetQuota(t.Context(), wantRoot, []client.QuotaResource{{Name: "STORAGE", Limit: 512000}})
	labServerError(t, err, "NO") // only admins may change quotas
}

func testMetadata(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-metadata")
	labMust(t)(c.Create(ctx, name))
	hello, multi := "hello", "line one\r\nline two"
	if l.lacks("METADATA") {
		_, err := c.SetMetadata(ctx, name, []client.MetadataEntry{{Name: "/private/comment", Value: &hello}})
		labRefused(t, err, "METADATA")
		_, err = c.GetMetadata(ctx, "", []string{"/private/comment"}, "")
		labRefused(t, err, "METADATA")
		return
	}
	labMust(t)(c.SetMetadata(ctx, name, []client.MetadataEntry{{Name: "/private/comment", Value: &hello}, {Name: "/shared/comment", Value: &multi}}))
	md := labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, name, []string{"/private/comment", "/shared/comment"}, "")))
	if md.Mailbox != name || labMetaValue(md, "/private/comment") != hello || labMetaValue(md, "/shared/comment") != multi {
		t.Errorf("GETMETADATA %+v", md)
	}
	labMust(t)(c.SetMetadata(ctx, name, []client.MetadataEntry{{Name: "/private/comment"}}))
	md = labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, name, []string{"/private/comment"}, "")))
	if v := labMetaValue(md, "/private/comment"); v != "" {
		t.Errorf("after deleting, /private/comment = %q", v)
	}

	srv := "srv-" + l.Name
	labMust(t)(c.SetMetadata(ctx, "", []client.MetadataEntry{{Name: "/private/vendor/imapsh", Value: &srv}}))
	md = labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, "", []string{"/private/vendor/imapsh"}, "MAXSIZE 1024")))
	if md.Mailbox != "" || labMetaValue(md, "/private/vendor/imapsh") != srv {
		t.Errorf("server GETMETADATA %+v", md)
	}
}

func labMetaValue(md *client.MetadataData, name string) string {
	for _, e := range md.Entries {
		if strings.EqualFold(e.Name, name) && e.Value != nil {
			return *e.Value
		}
	}
	return ""
}

func testTraceHidesPassword(t *testing.T, l *lab) {
	for _, user := range []string{"alice", "carol"} {
		for _, how := range append([]string{"LOGIN command"}, l.mechanisms()...) {
			t.Run(user+"/"+how, func(t *testing.T) {
				var trace bytes.Buffer
				c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: client.TextTrace(&trace)})
				if err != nil {
					t.Fatal(err)
				}
				pw := l.Users[user]
				if how == "LOGIN command" {
					labMust(t)(c.Login(t.Context(), user, pw))
				} else {
					m, _ := client.NewMechanism(how, client.Credentials{User: user, Password: pw})
					labMust(t)(c.Authenticate(t.Context(), m))
				}
				labMust(t)(c.Noop(t.Context()))
				labNoSecret(t, trace.String(), user, pw)
			})
		}
	}
}

// assertNoSecret checks a trace for the password in clear and in the
// base64 forms SASL PLAIN and LOGIN would send.
func labNoSecret(t *testing.T, trace, user, pw string) {
	t.Helper()
	if !strings.Contains(trace, "C: ") || !strings.Contains(trace, "S: ") {
		t.Fatalf("empty trace: %q", trace)
	}
	for _, secret := range []string{pw, labB64(pw), labB64("\x00" + user + "\x00" + pw)} {
		if strings.Contains(trace, secret) {
			t.Fatalf("trace holds the password (%q):\n%s", secret, trace)
		}
	}
	if !strings.Contains(trace, "***") {
		t.Errorf("trace shows no *** marker:\n%s", trace)
	}
}
