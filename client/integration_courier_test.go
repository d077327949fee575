package client_test

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/internal/servers"
)

// TestCourier runs the integration tests against one private Courier-IMAP
// 5.0 (internal/servers): the common ones, the quirks issue 7 found on it,
// its deviations, and UTF-8 mode, which only Courier offers of the three
// (UTF8=ACCEPT, RFC 6855).
func TestCourier(t *testing.T) {
	t.Parallel()
	l := startLab(t, servers.Courier)
	runLabTests(t, l, commonTests)
	runLabTests(t, l, []labTest{
		{"Namespace", func(t *testing.T, l *lab) {
			// Two shared descriptors side by side: (("#shared." ".")("shared." "."))
			testNamespace(t, l, []client.NamespaceDescr{{Prefix: "INBOX.", Delim: "."}}, nil,
				[]client.NamespaceDescr{{Prefix: "#shared.", Delim: "."}, {Prefix: "shared.", Delim: "."}})
		}},
		{"CapabilityAfterLogin", testCourierCapabilityAfterLogin},
		{"QuotaWithoutList", testCourierQuotaWithoutList},
		{"CreateSpecialUse", testCourierCreateSpecialUse},
		{"UTF8Names", testLiveCourierUTF8Names},
		{"UTF8SearchAndAppend", testLiveCourierUTF8SearchAppend},
		{"Deviations", testCourierDeviations},
		{"Preauth", testCourierPreauth},
		{"PreauthAlertFirst", testCourierPreauthAlertFirst},
	})
}

// testCourierCapabilityAfterLogin: Courier's LOGIN OK has no [CAPABILITY];
// the client asks again, so it knows UTF8=ACCEPT and that STARTTLS is gone,
// and refuses what Courier lacks without sending it.
func testCourierCapabilityAfterLogin(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: client.TextTrace(&trace)})
	if err != nil {
		t.Fatal(err)
	}
	res := labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
	if res.Status.Code != nil {
		t.Errorf("Courier's LOGIN OK now carries %+v: the quirk is gone", res.Status.Code)
	}
	if !regexp.MustCompile(`LOGIN alice \*\*\*\nS: A\d+ OK LOGIN Ok.\nC: A\d+ CAPABILITY\n`).MatchString(trace.String()) {
		t.Errorf("no CAPABILITY right after LOGIN:\n%s", trace.String())
	}
	if !c.HasCap("UTF8=ACCEPT") || !c.HasCap("ACL") {
		t.Errorf("post-login capabilities %v", c.Caps())
	}
	labMust(t)(c.Select(t.Context(), "INBOX", client.SelectOptions{}))
	_, err = c.Move(t.Context(), "1", l.box("Trash"), false)
	labRefused(t, err, "MOVE")
	_, err = c.Unselect(t.Context())
	labRefused(t, err, "UNSELECT")
}

// testCourierQuotaWithoutList: bob has no quota, and Courier answers his
// GETQUOTAROOT with a QUOTA response that has no resource list.
func testCourierQuotaWithoutList(t *testing.T, l *lab) {
	res := labMust(t)(l.user(t, "bob").GetQuotaRoot(t.Context(), "INBOX"))
	if m := client.Of[*client.MalformedData](res); len(m) != 0 {
		t.Fatalf("malformed: %v", m[0].Err)
	}
	q := labOne[*client.QuotaData](t, res)
	if q.Root != "ROOT" || len(q.Resources) != 0 {
		t.Errorf("QUOTA %+v, want ROOT without resources", q)
	}
}

// testCourierCreateSpecialUse: no CREATE-SPECIAL-USE, so CREATE (USE ...)
// is refused locally; Courier would answer NO ("Error in IMAP command").
func testCourierCreateSpecialUse(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	_, err := c.Create(t.Context(), l.box("T-archive"), `\Archive`)
	labRefused(t, err, "CREATE-SPECIAL-USE")
	labMust(t)(c.Create(t.Context(), l.box("T-archive")))
}

// testLiveCourierUTF8Names: after ENABLE UTF8=ACCEPT names are UTF-8 both
// ways: a non-ASCII name goes quoted (no literal: Courier has no LITERAL+),
// and a name holding "&" is itself, as another session without UTF-8 mode
// sees (in modified UTF-7).
func testLiveCourierUTF8Names(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: client.TextTrace(&trace)})
	if err != nil {
		t.Fatal(err)
	}
	labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
	ctx := t.Context()
	en := labOne[*client.EnabledData](t, labMust(t)(c.Enable(ctx, "UTF8=ACCEPT")))
	if !c.UTF8Names() || !slices.Contains(en.Caps, "UTF8=ACCEPT") {
		t.Fatalf("ENABLED %v", en.Caps)
	}
	utf, amp := l.box("T-Grüße €"), l.box("T-A&AOQ-B")
	labMust(t)(c.Create(ctx, utf))
	labMust(t)(c.Create(ctx, amp))
	if !strings.Contains(trace.String(), `CREATE "`+utf+`"`) {
		t.Errorf("the UTF-8 name did not go as a quoted string:\n%s", trace.String())
	}
	for _, d := range client.Of[*client.ListData](labMust(t)(c.List(ctx, "", l.box("T-*"), client.ListOptions{}))) {
		if d.Mailbox != d.Raw {
			t.Errorf("UTF-8 mode: Mailbox %q differs from Raw %q", d.Mailbox, d.Raw)
		}
	}
	labMust(t)(c.Select(ctx, amp, client.SelectOptions{}))
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, utf, []string{"MESSAGES"})))
	if st.Mailbox != utf {
		t.Errorf("STATUS mailbox %q, want %q", st.Mailbox, utf)
	}
	other := labListNames(t, labMust(t)(l.user(t, "alice").List(ctx, "", l.box("T-*"), client.ListOptions{})))
	if !slices.Contains(other, utf) || !slices.Contains(other, amp) {
		t.Errorf("a session without UTF-8 mode lists %q, want %q and %q", other, utf, amp)
	}
}

// testLiveCourierUTF8SearchAppend: in UTF-8 mode an 8-bit message goes in RFC
// 6855's UTF8 (~{n}...) form, which Courier stores without its [ALERT]; a
// plain literal gets the ALERT. Non-ASCII search words go quoted without
// CHARSET, and a typed CHARSET is refused before Courier says NO.
func testLiveCourierUTF8SearchAppend(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-utf8-append")
	labMust(t)(c.Create(ctx, name))
	labMust(t)(c.Enable(ctx, "UTF8=ACCEPT"))
	msg := []byte("From: Jörg <jörg@lab.example>\r\nSubject: Grüße aus Köln\r\n\r\nHallo.\r\n")
	eight, err := client.EightBitHeader(bytes.NewReader(msg))
	if err != nil || !eight {
		t.Fatalf("EightBitHeader = %v, %v", eight, err)
	}
	m := labAppendMsg(msg)
	m.UTF8 = true
	if res := labMust(t)(c.Append(ctx, name, m)); labHasAlert(res) {
		t.Errorf("UTF8 form: Courier still raised an ALERT: %v", res.Responses)
	}
	if res := labMust(t)(c.Append(ctx, name, labAppendMsg(msg))); !labHasAlert(res) {
		t.Errorf("plain literal: Courier no longer raises its ALERT: the UTF8 form may be unneeded")
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	sr := labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, "SUBJECT Köln", client.SearchOptions{})))
	if !slices.Equal(sr.Nums, []uint32{1, 2}) {
		t.Errorf("SEARCH SUBJECT Köln = %v", sr.Nums)
	}
	_, err = c.Search(ctx, "SUBJECT Köln", client.SearchOptions{Charset: "UTF-8"})
	if !errors.Is(err, client.ErrCharsetAfterUTF8) {
		t.Errorf("SEARCH CHARSET after ENABLE UTF8=ACCEPT: %v", err)
	}
	if f := labFetchOne(t, c, "1", "(ENVELOPE)"); f.Envelope.Subject != "Grüße aus Köln" {
		t.Errorf("ENVELOPE subject %q: not the UTF-8 header as appended", f.Envelope.Subject)
	}
	so := labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "SUBJECT", "UTF-8", "FROM jörg", false)))
	if len(so.Nums) != 2 {
		t.Errorf("SORT ... FROM jörg = %v", so.Nums)
	}
}

// labHasAlert reports an untagged OK [ALERT] among a result's responses.
func labHasAlert(res *client.Result) bool {
	for _, st := range client.Of[*client.StatusResponse](res) {
		if st.Code != nil && st.Code.Name == "ALERT" {
			return true
		}
	}
	return false
}

// testCourierDeviations pins what Courier-IMAP 5.0.13 does differently
// from RFC 9051 or from Dovecot and Cyrus (../shared/lab/README.md), so a
// change of behaviour shows up here.
func testCourierDeviations(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-deviations")
	labMust(t)(c.Create(ctx, name))
	date := time.Date(2024, 3, 4, 9, 15, 0, 0, time.UTC)
	for _, subject := range []string{"one", "two", "three"} {
		m := labAppendMsg([]byte("Subject: " + subject + "\r\n\r\nx\r\n"))
		m.Date = date // the same INTERNALDATE: ties for SORT (ARRIVAL)
		labMust(t)(c.Append(ctx, name, m))
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	// SORT (ARRIVAL) breaks ties by sequence number (RFC 5256); Courier
	// returns them in reverse.
	if so := labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "ARRIVAL", "UTF-8", "ALL", false))); !slices.Equal(so.Nums, []uint32{3, 2, 1}) {
		t.Errorf("SORT (ARRIVAL) with equal dates = %v, Courier's reversed ties were [3 2 1]", so.Nums)
	}
	// STORE after EXAMINE (read-only) succeeds and persists.
	labMust(t)(c.Store(ctx, "1", "+FLAGS.SILENT", `\Flagged`, client.StoreOptions{}))
	labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
	if f := labFetchOne(t, c, "1", "(FLAGS)"); !slices.Contains(f.Flags, `\Flagged`) {
		t.Errorf("STORE after EXAMINE did not persist: %v", f.Flags)
	}
	// APPEND to the selected mailbox sends no EXISTS; the next NOOP does.
	if res := labMust(t)(c.Append(ctx, name, labAppendMsg([]byte("Subject: four\r\n\r\nx\r\n")))); res.Count("EXISTS") != 0 || c.Mailbox().Exists != 3 {
		t.Errorf("APPEND to the selected mailbox: %v, Exists %d", labKinds(res), c.Mailbox().Exists)
	}
	labMust(t)(c.Noop(ctx))
	if c.Mailbox().Exists != 4 {
		t.Errorf("Exists after NOOP = %d, want 4", c.Mailbox().Exists)
	}
	// STATUS leaves out an item it does not know, without an error.
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, name, []string{"MESSAGES", "X-IMAPSH-UNKNOWN"})))
	if len(st.Items) != 1 || st.Items[0].Name != "MESSAGES" {
		t.Errorf("STATUS items %+v", st.Items)
	}
	// A duplicate CREATE is NO without [ALREADYEXISTS] (RFC 5530).
	_, err := c.Create(ctx, name)
	if se := labServerError(t, err, "NO"); se.Code != nil {
		t.Errorf("duplicate CREATE now has a code: %+v", se.Code)
	}
	// LSUB lists the unsubscribed parent of a subscribed folder as \Noselect.
	child := l.box("T-dev-parent", "child")
	labMust(t)(c.Create(ctx, child))
	labMust(t)(c.Subscribe(ctx, child))
	parent := labOne[*client.ListData](t, labMust(t)(c.Lsub(ctx, "", l.box("T-dev-parent"))))
	if !parent.HasAttr(`\Noselect`) {
		t.Errorf("LSUB of the parent: %+v", parent)
	}
}

// testCourierPreauth: a PREAUTH session over a command's stdin and stdout;
// Courier's greeting ("* PREAUTH Ready.") carries no capabilities.
func testCourierPreauth(t *testing.T, l *lab) {
	c, err := client.DialCommand(t.Context(), l.PreauthCommand("bob"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if g := c.Greeting(); g == nil || g.Status != "PREAUTH" || c.State() != client.StateAuthenticated {
		t.Fatalf("greeting %+v, state %v", g, c.State())
	}
	labMust(t)(c.Capability(t.Context()))
	if !c.HasCap("UTF8=ACCEPT") {
		t.Errorf("caps %v", c.Caps())
	}
	q := labOne[*client.QuotaData](t, labMust(t)(c.GetQuotaRoot(t.Context(), "INBOX")))
	if len(q.Resources) != 0 {
		t.Errorf("bob's quota over PREAUTH: %+v", q)
	}
	labMust(t)(c.Logout(t.Context()))
}

// testCourierPreauthAlertFirst: without gamin's gam_server (as on a host
// without FAM) imapd sends an [ALERT] before "* PREAUTH"; the PREAUTH is
// still the greeting and the alert reaches the user.
func testCourierPreauthAlertFirst(t *testing.T, l *lab) {
	c, err := client.DialCommand(t.Context(), l.CourierPreauthWithoutFAM("bob"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if g := c.Greeting(); g == nil || g.Status != "PREAUTH" || c.State() != client.StateAuthenticated {
		t.Fatalf("greeting %+v, state %v", g, c.State())
	}
	alerts := c.Alerts()
	if len(alerts) != 1 || !strings.Contains(alerts[0].Text, "Filesystem notification") {
		t.Errorf("alerts %+v, want Courier's FAM alert (if it is gone, so is the quirk)", alerts)
	}
	labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{}))
	labMust(t)(c.Logout(t.Context()))
}
