package client_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

// courierCases replay what Courier-IMAP 5.0.13 sends (transcripts
// courier_*.txt): the quirks and the UTF-8 mode found on it (issue 7).
var courierCases = map[string]transcriptCase{
	"courier_namespace": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		ns := only[*client.NamespaceData](t, must(t)(c.Namespace(bg)))
		eq(t, "personal", len(ns.Personal), 1)
		eq(t, "personal prefix", ns.Personal[0].Prefix, "INBOX.")
		eq(t, "other", len(ns.Other), 0)
		eq(t, "shared", len(ns.Shared), 2)
		eq(t, "shared 1", ns.Shared[0].Prefix+ns.Shared[0].Delim, "#shared..")
		eq(t, "shared 2", ns.Shared[1].Prefix+ns.Shared[1].Delim, "shared..")
		ns = only[*client.NamespaceData](t, must(t)(c.Namespace(bg)))
		eq(t, "personal, side by side", len(ns.Personal), 2)
		eq(t, "second personal", ns.Personal[1].Prefix, "~")
		eq(t, "other, spaced", len(ns.Other), 2)
		eq(t, "extension kept", len(ns.Other[1].Ext), 2)
		eq(t, "shared NIL", len(ns.Shared), 0)
	},
	"courier_login_capability": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		eq(t, "STARTTLS before login", c.HasCap("STARTTLS"), true)
		must(t)(c.Login(bg, "alice", "alicepw"))
		eq(t, "STARTTLS after login", c.HasCap("STARTTLS"), false)
		eq(t, "UTF8=ACCEPT after login", c.HasCap("UTF8=ACCEPT"), true)
		must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
		// What Courier lacks is refused locally, never sent.
		refused := map[string]error{}
		_, refused["UNSELECT"] = c.Unselect(bg)
		_, refused["MOVE"] = c.Move(bg, "1", "Trash", false)
		_, refused["SEARCH RETURN"] = c.Search(bg, "ALL", client.SearchOptions{Return: "COUNT"})
		_, refused["GETMETADATA"] = c.GetMetadata(bg, "", []string{"/shared/comment"}, "")
		_, refused["ID"] = c.ID(bg, nil)
		_, refused["LIST (SUBSCRIBED)"] = c.List(bg, "", "*", client.ListOptions{Select: "SUBSCRIBED"})
		_, refused["SELECT (CONDSTORE)"] = c.Select(bg, "INBOX", client.SelectOptions{CondStore: true})
		_, refused["FETCH (CHANGEDSINCE)"] = c.Fetch(bg, "1", "(FLAGS)", client.FetchOptions{ChangedSince: 1})
		_, refused["STORE (UNCHANGEDSINCE)"] = c.Store(bg, "1", "+FLAGS", `\Seen`, client.StoreOptions{UnchangedSince: 1})
		for name, err := range refused {
			var ce *client.CapabilityError
			if !errors.As(err, &ce) {
				t.Errorf("%s: %v, want a local *client.CapabilityError", name, err)
			}
		}
	},
	"courier_authenticate_capability": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.LoginCRAMMD5(bg, "tim", "tanstaaftanstaaf"))
		eq(t, "state", c.State(), client.StateAuthenticated)
		eq(t, "capabilities unknown", c.HasCapsKnown(), false)
		_, err := c.GetMetadata(bg, "", []string{"/shared/comment"}, "")
		serverError(t, err, "BAD", "")
	},
	"courier_quota_no_list": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.GetQuotaRoot(bg, "INBOX"))
		eqStrings(t, "roots", only[*client.QuotaRootData](t, res).Roots, "ROOT")
		q := only[*client.QuotaData](t, res)
		eq(t, "root", q.Root, "ROOT")
		eq(t, "resources", len(q.Resources), 0)
		q = only[*client.QuotaData](t, must(t)(c.GetQuota(bg, "ROOT")))
		eq(t, "empty list", len(q.Resources), 0)
	},
	"courier_create_special_use": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		_, err := c.Create(bg, "INBOX.Archiv", `\Archive`)
		var ce *client.CapabilityError
		if !errors.As(err, &ce) || ce.Cap != "CREATE-SPECIAL-USE" {
			t.Fatalf("CREATE (USE (\\Archive)): %v, want a local *client.CapabilityError for CREATE-SPECIAL-USE", err)
		}
		must(t)(c.Create(bg, "INBOX.Archiv"))
	},
	"courier_append_utf8": testCourierAppendUTF8,
	"utf8_append_rfc9755": testAppendUTF8RFC9755,
	"utf8_append_imap4rev2": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Enable(bg, "UTF8=ACCEPT"))
		must(t)(c.Append(bg, "INBOX", utf8Message("Subject: Grüße", true)))
	},
	"courier_utf8_names":  testCourierUTF8Names,
	"courier_search_utf8": testCourierSearchUTF8,
}

// testCourierUTF8Names: before ENABLE UTF8=ACCEPT a name is modified UTF-7
// and decoded; after it the same bytes are the name itself, shown and sent
// back as they came, and non-ASCII names go as quoted strings.
func testCourierUTF8Names(t *testing.T, c *client.Client, _ *lockedBuffer) {
	l := only[*client.ListData](t, must(t)(c.List(bg, "", "INBOX.*", client.ListOptions{})))
	eq(t, "modified UTF-7 decoded", l.Mailbox, "INBOX.AäB")
	eq(t, "UTF8Names before ENABLE", c.UTF8Names(), false)
	must(t)(c.Enable(bg, "UTF8=ACCEPT"))
	eq(t, "UTF8Names after ENABLE", c.UTF8Names(), true)
	ls := client.Of[*client.ListData](must(t)(c.List(bg, "", "INBOX.*", client.ListOptions{})))
	if len(ls) != 2 {
		t.Fatalf("LIST: %d mailboxes", len(ls))
	}
	eq(t, "raw name", ls[0].Mailbox, "INBOX.A&AOQ-B")
	eq(t, "Raw is what was sent", ls[0].Raw, "INBOX.A&AOQ-B")
	eq(t, "UTF-8 name", ls[1].Mailbox, "INBOX.Grüße")
	must(t)(c.Select(bg, ls[0].Mailbox, client.SelectOptions{}))
	st := only[*client.StatusData](t, must(t)(c.Status(bg, "INBOX.Grüße", []string{"MESSAGES"})))
	eq(t, "STATUS name", st.Mailbox, "INBOX.Grüße")
	must(t)(c.Create(bg, "INBOX.Ärger & Co"))
	must(t)(c.List(bg, "", "INBOX.Grü*", client.ListOptions{}))
	eq(t, "MYRIGHTS name", only[*client.MyRightsData](t, must(t)(c.MyRights(bg, "INBOX.Grüße"))).Mailbox, "INBOX.Grüße")
	ns := only[*client.NamespaceData](t, must(t)(c.Namespace(bg)))
	eq(t, "NAMESPACE prefix as sent", ns.Shared[0].Prefix, "Geteilt&-Ä.")
}

// testCourierSearchUTF8: see courier_search_utf8.txt.
func testCourierSearchUTF8(t *testing.T, c *client.Client, _ *lockedBuffer) {
	must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
	eqStrings(t, "CHARSET UTF-8 added", searchNums(t, c, "SUBJECT Grüße", client.SearchOptions{}), "2")
	eqStrings(t, "ASCII, no CHARSET", searchNums(t, c, "FROM alice", client.SearchOptions{}), "1")
	searchNums(t, c, `SUBJECT "Grüße"`, client.SearchOptions{UID: true, Charset: "ISO-8859-1"})
	must(t)(c.Sort(bg, "DATE", "UTF-8", "SUBJECT Grüße UNSEEN", false))
	must(t)(c.CloseMailbox(bg)) // ENABLE is for the authenticated state
	must(t)(c.Enable(bg, "UTF8=ACCEPT"))
	must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
	eqStrings(t, "quoted UTF-8", searchNums(t, c, "(OR SUBJECT Grüße FROM Jörg)", client.SearchOptions{}), "2")
	_, err := c.Search(bg, "SUBJECT Grüße", client.SearchOptions{Charset: "UTF-8"})
	if !errors.Is(err, client.ErrCharsetAfterUTF8) {
		t.Errorf("CHARSET after ENABLE UTF8=ACCEPT: %v, want ErrCharsetAfterUTF8", err)
	}
	_, err = c.Sort(bg, "DATE", "US-ASCII", "ALL", false)
	if !errors.Is(err, client.ErrCharsetAfterUTF8) {
		t.Errorf("SORT US-ASCII after ENABLE UTF8=ACCEPT: %v, want ErrCharsetAfterUTF8", err)
	}
	must(t)(c.Thread(bg, "REFERENCES", "utf-8", `SUBJECT "Grüße"`, false))
	eqStrings(t, "session in sync", searchNums(t, c, "ALL", client.SearchOptions{}), "1", "2")
}

// searchNums runs a SEARCH and returns its numbers as strings.
func searchNums(t *testing.T, c *client.Client, criteria string, opts client.SearchOptions) []string {
	t.Helper()
	var out []string
	for _, n := range only[*client.SearchData](t, must(t)(c.Search(bg, criteria, opts))).Nums {
		out = append(out, fmt.Sprint(n))
	}
	return out
}

// utf8Message is a one-line message for APPEND; utf8 marks its header as
// holding UTF-8.
func utf8Message(text string, utf8 bool) client.AppendMessage {
	return client.AppendMessage{Body: strings.NewReader(text), Size: int64(len(text)), UTF8: utf8}
}

// testCourierAppendUTF8: see courier_append_utf8.txt.
func testCourierAppendUTF8(t *testing.T, c *client.Client, _ *lockedBuffer) {
	must(t)(c.Append(bg, "INBOX", utf8Message("Subject: Grüße", true)))
	must(t)(c.Enable(bg, "UTF8=ACCEPT"))
	res := must(t)(c.Append(bg, "INBOX", utf8Message("Subject: Grüße", true)))
	eqStrings(t, "APPENDUID", res.Status.Code.Strings(), "7", "2")
	m := utf8Message("Subject: Grüße", true)
	m.Flags, m.Date = []string{`\Seen`}, time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC)
	must(t)(c.Append(bg, "INBOX.Grüße", m))
	must(t)(c.Append(bg, "INBOX", utf8Message("A: b\r\n\r\nGrüße", false)))
}

// testAppendUTF8RFC9755: see utf8_append_rfc9755.txt.
func testAppendUTF8RFC9755(t *testing.T, c *client.Client, _ *lockedBuffer) {
	must(t)(c.Enable(bg, "UTF8=ACCEPT"))
	must(t)(c.Append(bg, "INBOX", utf8Message("Subject: Grüße", true)))
	_, err := c.Append(bg, "Missing", utf8Message("Subject: Grüße", true))
	serverError(t, err, "NO", "TRYCREATE")
}
