package client_test

// Integration tests against real Dovecot, Cyrus and Courier: server information
// (ID, NAMESPACE, CAPABILITY).
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"strings"
	"testing"

	"imapsh/client"
)

func testID(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	v := "imapsh-test"
	if l.lacks("ID") {
		_, err := c.ID(t.Context(), []client.MetadataEntry{{Name: "name", Value: &v}})
		labRefused(t, err, "ID")
		return
	}
	res := labMust(t)(c.ID(t.Context(), []client.MetadataEntry{{Name: "name", Value: &v}}))
	id := labOne[*client.IDData](t, res)
	if len(id.Params) == 0 {
		t.Fatalf("empty ID response")
	}
	want := map[bool]string{true: "Dovecot", false: "Cyrus"}[l.dovecot]
	found := false
	for _, p := range id.Params {
		if strings.EqualFold(p.Name, "name") && p.Value != nil && strings.Contains(*p.Value, want) {
			found = true
		}
	}
	if !found {
		t.Errorf("ID name is not %s: %+v", want, id.Params)
	}
	labMust(t)(c.ID(t.Context(), nil))
}

func testList(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	res := labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{}))
	names := map[string]*client.ListData{}
	for _, d := range client.Of[*client.ListData](res) {
		names[d.Mailbox] = d
		if d.Delim != l.Separator {
			t.Errorf("%s: delimiter %q, want %q", d.Mailbox, d.Delim, l.Separator)
		}
	}
	if names["INBOX"] == nil {
		t.Fatalf("no INBOX in %v", names)
	}
	if l.lacks("SPECIAL-USE") { // Courier: plain folders, no attribute, no LIST options
		for _, f := range []string{"Drafts", "Sent", "Trash", "Junk", "Archive"} {
			if d := names[l.box(f)]; d == nil || d.HasAttr(`\`+f) {
				t.Errorf("%s: %+v, want a plain folder", l.box(f), d)
			}
		}
		_, err := c.List(t.Context(), "", "*", client.ListOptions{Return: "SPECIAL-USE"})
		labRefused(t, err, "LIST-EXTENDED")
		return
	}
	res = labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{Return: "SPECIAL-USE"}))
	uses := map[string]string{}
	for _, d := range client.Of[*client.ListData](res) {
		for _, a := range d.Attrs {
			switch strings.ToLower(a) {
			case `\drafts`, `\sent`, `\trash`, `\junk`, `\archive`:
				uses[strings.ToLower(a)] = d.Mailbox
			}
		}
	}
	for _, f := range []string{"Drafts", "Sent", "Trash", "Junk", "Archive"} {
		if uses[`\`+strings.ToLower(f)] != l.box(f) {
			t.Errorf(`\%s is on %q, want %q (all: %v)`, f, uses[`\`+strings.ToLower(f)], l.box(f), uses)
		}
	}
	res = labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{Select: "SPECIAL-USE"}))
	if n := len(client.Of[*client.ListData](res)); n != 5 {
		t.Errorf("LIST (SPECIAL-USE): %d mailboxes, want 5", n)
	}
}

func testNamespace(t *testing.T, l *lab, personal, other, shared []client.NamespaceDescr) {
	c := l.user(t, "alice")
	ns := labOne[*client.NamespaceData](t, labMust(t)(c.Namespace(t.Context())))
	check := func(what string, got, want []client.NamespaceDescr) {
		if len(got) != len(want) {
			t.Fatalf("%s namespaces %+v, want %+v", what, got, want)
		}
		for i := range want {
			if got[i].Prefix != want[i].Prefix || got[i].Delim != want[i].Delim {
				t.Errorf("%s namespace %d: %+v, want %+v", what, i, got[i], want[i])
			}
		}
	}
	check("personal", ns.Personal, personal)
	check("other users'", ns.Other, other)
	check("shared", ns.Shared, shared)
}
