package client_test

// Integration tests against real Dovecot, Cyrus and Courier: mailboxes and
// messages.
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

func labListNames(t *testing.T, res *client.Result) []string {
	t.Helper()
	var out []string
	for _, d := range client.Of[*client.ListData](res) {
		out = append(out, d.Mailbox)
	}
	return out
}

func testMailboxLifecycle(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	nested := l.box("Lab", "Ünïcødé", "日本語")
	renamed := l.box("Lab", "Ünïcødé", "Ärger & Co")
	labMust(t)(c.Create(ctx, nested))
	res := labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{}))
	if got := labListNames(t, res); !slices.Contains(got, nested) || !slices.Contains(got, l.box("Lab", "Ünïcødé")) {
		t.Fatalf("LIST after CREATE: %q", got)
	}
	for _, d := range client.Of[*client.ListData](res) {
		if d.Mailbox == nested && !strings.Contains(d.Raw, "&ZeVnLIqe-") {
			t.Errorf("raw wire name %q is not modified UTF-7", d.Raw)
		}
	}
	_, err := c.Create(ctx, nested)
	labServerError(t, err, "NO") // Courier: NO "Cannot create this folder.", no [ALREADYEXISTS]

	labMust(t)(c.Subscribe(ctx, nested))
	if got := labListNames(t, labMust(t)(c.Lsub(ctx, "", l.box("Lab", "*")))); !slices.Contains(got, nested) {
		t.Errorf("LSUB after SUBSCRIBE: %q", got)
	}
	if l.lacks("LIST-EXTENDED") {
		_, err := c.List(ctx, "", "*", client.ListOptions{Select: "SUBSCRIBED"})
		labRefused(t, err, "LIST-EXTENDED")
	} else if got := labListNames(t, labMust(t)(c.List(ctx, "", "*", client.ListOptions{Select: "SUBSCRIBED"}))); !slices.Contains(got, nested) {
		t.Errorf("LIST (SUBSCRIBED): %q", got)
	}
	labMust(t)(c.Unsubscribe(ctx, nested))
	if got := labListNames(t, labMust(t)(c.Lsub(ctx, "", l.box("Lab", "*")))); slices.Contains(got, nested) {
		t.Errorf("LSUB after UNSUBSCRIBE: %q", got)
	}

	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, nested, []string{"MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN"})))
	if st.Mailbox != nested {
		t.Errorf("STATUS mailbox %q, want %q", st.Mailbox, nested)
	}
	if n, ok := st.Get("MESSAGES"); !ok || n != 0 {
		t.Errorf("STATUS MESSAGES = %d, %v", n, ok)
	}
	if n, ok := st.Get("UIDNEXT"); !ok || n == 0 {
		t.Errorf("STATUS UIDNEXT = %d, %v", n, ok)
	}

	labMust(t)(c.Rename(ctx, nested, renamed))
	got := labListNames(t, labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{})))
	if slices.Contains(got, nested) || !slices.Contains(got, renamed) {
		t.Fatalf("LIST after RENAME: %q", got)
	}
	labMust(t)(c.Delete(ctx, renamed))
	labDeleteParents(t, l, c, l.box("Lab", "Ünïcødé"), l.box("Lab"))
	if got := labListNames(t, labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{}))); len(got) != 0 {
		t.Fatalf("LIST after DELETE: %q", got)
	}
	_, err = c.Delete(ctx, renamed)
	labServerError(t, err, "NO")
}

// labDeleteParents deletes the parents left after their last child went.
// Courier (Maildir++): a parent is a \Noselect placeholder that went away
// with its last child; deleting it is NO.
func labDeleteParents(t *testing.T, l *lab, c *client.Client, parents ...string) {
	t.Helper()
	for _, parent := range parents {
		_, err := c.Delete(t.Context(), parent)
		if l.courier {
			labServerError(t, err, "NO")
		} else if err != nil {
			t.Fatalf("DELETE %s: %v", parent, err)
		}
	}
}

func labAppendMsg(body []byte, flags ...string) client.AppendMessage {
	return client.AppendMessage{Body: bytes.NewReader(body), Size: int64(len(body)), Flags: flags}
}

func testAppend(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-append")
	labMust(t)(c.Create(ctx, name))
	msgs := fixtureMessages()
	res := labMust(t)(c.Append(ctx, name, labAppendMsg(msgs[0], `\Seen`, `$Label1`)))
	code := res.Status.Code
	if code == nil || code.Name != "APPENDUID" || len(code.Args) != 2 {
		t.Fatalf("APPEND: want [APPENDUID v uid], got %+v", res.Status)
	}
	date := time.Date(2024, 2, 29, 13, 14, 15, 0, time.FixedZone("", 3600))
	multi := []client.AppendMessage{labAppendMsg(msgs[1]), labAppendMsg(msgs[2], `\Flagged`), labAppendMsg(msgs[3])}
	multi[0].Date = date
	if l.lacks("MULTIAPPEND") {
		_, err := c.Append(ctx, name, multi...)
		labRefused(t, err, "MULTIAPPEND")
		for _, m := range multi {
			labMust(t)(c.Append(ctx, name, m))
		}
	} else {
		res = labMust(t)(c.Append(ctx, name, multi...))
		if code := res.Status.Code; code == nil || code.Name != "APPENDUID" || !strings.Contains(code.Args[1].String(), ":") {
			t.Errorf("MULTIAPPEND: want [APPENDUID v a:b], got %+v", res.Status)
		}
	}
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, name, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 4 {
		t.Fatalf("MESSAGES = %d after APPEND of 1+3", n)
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	f := labFetchOne(t, c, "2", "(INTERNALDATE FLAGS)")
	if !f.InternalDate.Equal(date) {
		t.Errorf("INTERNALDATE %v, want %v", f.InternalDate, date)
	}
	f = labFetchOne(t, c, "1", "(FLAGS)")
	if !slices.Contains(f.Flags, `\Seen`) || !slices.Contains(f.Flags, "$Label1") {
		t.Errorf("flags %v", f.Flags)
	}
}

// labUnselect leaves the mailbox with UNSELECT, or, where the server lacks
// it (the client refuses it), with CLOSE.
func labUnselect(t *testing.T, l *lab, c *client.Client) {
	t.Helper()
	if !l.lacks("UNSELECT") {
		labMust(t)(c.Unselect(t.Context()))
		return
	}
	_, err := c.Unselect(t.Context())
	labRefused(t, err, "UNSELECT")
	labMust(t)(c.CloseMailbox(t.Context()))
}

func labFetchOne(t *testing.T, c *client.Client, set, items string) *client.FetchData {
	t.Helper()
	return labOne[*client.FetchData](t, labMust(t)(c.Fetch(t.Context(), set, items, client.FetchOptions{})))
}

// deliverFixture creates a mailbox for user holding fixtureMessages; name
// must be ASCII (servers.Deliver takes the wire form).
func (l *lab) deliverFixture(t *testing.T, user, name string) string {
	t.Helper()
	l.Deliver(t, user, l.box(name), fixtureMessages()...)
	return l.box(name)
}

func testSelectExamine(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-select")
	res := labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	mb := c.Mailbox()
	// Courier sends no [UIDNEXT] on SELECT/EXAMINE (RFC 9051 requires it).
	if mb == nil || !mb.ReadOnly || mb.Exists != uint32(len(fixtureMessages())) || mb.UIDValidity == 0 || (mb.UIDNext == 0) != l.courier {
		t.Fatalf("EXAMINE: mailbox %+v", mb)
	}
	if res.Status.Code == nil || res.Status.Code.Name != "READ-ONLY" {
		t.Errorf("EXAMINE: want [READ-ONLY], got %+v", res.Status)
	}
	if codes := c.Codes("UIDVALIDITY"); len(codes) == 0 {
		t.Errorf("Codes(UIDVALIDITY) empty after EXAMINE")
	} else if v, _ := codes[len(codes)-1].Number(); uint32(v) != mb.UIDValidity {
		t.Errorf("Codes(UIDVALIDITY) = %d, Mailbox().UIDValidity = %d", v, mb.UIDValidity)
	}
	if _, err := c.Recent(ctx); err != nil {
		t.Errorf("Recent: %v", err)
	}
	if len(mb.Flags) == 0 || !slices.Contains(mb.Flags, `\Seen`) {
		t.Errorf("FLAGS %v", mb.Flags)
	}
	condstore := !l.lacks("CONDSTORE")
	if !condstore {
		_, err := c.Select(ctx, name, client.SelectOptions{CondStore: true})
		labRefused(t, err, "CONDSTORE")
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{CondStore: condstore}))
	mb = c.Mailbox()
	if mb.ReadOnly || (condstore && mb.HighestModSeq == 0) || c.State() != client.StateSelected {
		t.Fatalf("SELECT (CONDSTORE %v): %+v state %v", condstore, mb, c.State())
	}
	if len(mb.PermanentFlags) == 0 {
		t.Errorf("no PERMANENTFLAGS")
	}
	labMust(t)(c.Check(ctx))
	labUnselect(t, l, c)
	if c.State() != client.StateAuthenticated || c.Mailbox() != nil {
		t.Fatalf("after UNSELECT/CLOSE: %v %+v", c.State(), c.Mailbox())
	}
	_, err := c.Check(ctx)
	var se *client.StateError
	if !errors.As(err, &se) {
		t.Fatalf("CHECK without a mailbox: want *client.StateError, got %v", err)
	}
	_, err = c.Select(ctx, l.box("T-no-such-box"), client.SelectOptions{})
	labServerError(t, err, "NO")
	if c.State() != client.StateAuthenticated {
		t.Errorf("state %v after a failed SELECT", c.State())
	}
}

func testFetchTyped(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-fetch")
	labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
	items := "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE MODSEQ " +
		"BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT]<0.10> BINARY.PEEK[2])"
	if l.courier { // no CONDSTORE and no BINARY: Courier answers NO to MODSEQ and BINARY
		items = "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE " +
			"BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT]<0.10> BODY.PEEK[2])"
	}
	res := labMust(t)(c.Fetch(ctx, "2", items, client.FetchOptions{}))
	f := labOne[*client.FetchData](t, res)
	if f.Seq != 2 || f.UID == 0 || !f.HasFlags || !f.HasSize || f.Size == 0 || (f.ModSeq == 0 && !l.courier) || f.InternalDate.IsZero() {
		t.Errorf("FETCH scalars: %+v", f)
	}
	env := f.Envelope
	if env == nil || env.Subject != fixtureSubjects[1] || env.MessageID != "<fixture-2@lab.example>" {
		t.Fatalf("ENVELOPE %+v", env)
	}
	if len(env.From) != 1 || env.From[0].Mailbox != "bob" || env.From[0].Host != "lab.example" || !strings.HasPrefix(env.From[0].Name, "=?UTF-8?") {
		t.Errorf("ENVELOPE From %+v", env.From)
	}
	if len(env.To) != 2 || env.To[1].Mailbox != "carol" {
		t.Errorf("ENVELOPE To %+v", env.To)
	}
	bs := f.BodyStructure
	if bs == nil || !strings.EqualFold(bs.Subtype, "mixed") || len(bs.Parts) != 2 {
		t.Fatalf("BODYSTRUCTURE %+v", bs)
	}
	att := bs.Parts[1]
	if !strings.EqualFold(att.Type, "application") || !strings.EqualFold(att.Encoding, "base64") || !strings.EqualFold(att.Disposition, "attachment") {
		t.Errorf("attachment part %+v", att)
	}
	labCheckSections(t, l, f)

	var each []uint32
	res = labMust(t)(c.Fetch(ctx, "1:*", "(UID ENVELOPE)", client.FetchOptions{UID: true, Each: func(f *client.FetchData) { each = append(each, f.Seq) }}))
	if len(each) != len(fixtureMessages()) || len(client.Of[*client.FetchData](res)) != 0 {
		t.Errorf("UID FETCH with Each: callback saw %v, result kept %d", each, len(client.Of[*client.FetchData](res)))
	}
}

// labCheckSections checks the body sections testFetchTyped asked for.
func labCheckSections(t *testing.T, l *lab, f *client.FetchData) {
	t.Helper()
	sections := map[string]client.BodySection{}
	for _, s := range f.Sections {
		// Courier echoes the header list quoted: HEADER.FIELDS ("SUBJECT").
		sections[strings.ReplaceAll(strings.ToUpper(s.Section), `"`, "")] = s
	}
	hdr := sections["HEADER.FIELDS (SUBJECT)"]
	if !strings.HasPrefix(string(hdr.Data), "Subject: "+fixtureSubjects[1]) {
		t.Errorf("BODY[HEADER.FIELDS (SUBJECT)] = %q (sections %v)", hdr.Data, f.Sections)
	}
	text := sections["TEXT"]
	if text.Origin == nil || *text.Origin != 0 || len(text.Data) != 10 {
		t.Errorf("BODY[TEXT]<0> = %+v", text)
	}
	bin := sections["2"]
	if l.courier && string(bin.Data) != labB64(fixtureAttachment) {
		t.Errorf("BODY[2] = %q, want the base64 attachment", bin.Data)
	} else if !l.courier && string(bin.Data) != fixtureAttachment {
		t.Errorf("BINARY[2] = %q, want the decoded attachment", bin.Data)
	}
}

func testSearchSortThread(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-search")
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	n := uint32(len(fixtureMessages()))

	sr := labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, `FROM "alice"`, client.SearchOptions{})))
	if !slices.Equal(sr.Nums, []uint32{1, 3}) {
		t.Errorf("SEARCH FROM alice = %v", sr.Nums)
	}
	sr = labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, `SUBJECT "Grüße"`, client.SearchOptions{Charset: "UTF-8"})))
	if !slices.Equal(sr.Nums, []uint32{2}) {
		t.Errorf("SEARCH CHARSET UTF-8 SUBJECT Grüße = %v", sr.Nums)
	}
	// An unquoted non-ASCII word: a literal, with CHARSET UTF-8 added.
	sr = labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, `SUBJECT Grüße`, client.SearchOptions{})))
	if !slices.Equal(sr.Nums, []uint32{2}) {
		t.Errorf("SEARCH SUBJECT Grüße = %v", sr.Nums)
	}
	if l.lacks("ESEARCH") {
		_, err := c.Search(ctx, "ALL", client.SearchOptions{Return: "MIN MAX COUNT ALL"})
		labRefused(t, err, "ESEARCH")
	} else {
		labESearch(t, c, n)
	}

	so := labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "REVERSE DATE", "UTF-8", "ALL", false)))
	if !slices.Equal(so.Nums, []uint32{5, 4, 3, 2, 1}) || so.Command != "SORT" {
		t.Errorf("SORT (REVERSE DATE) = %+v", so)
	}
	so = labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "SUBJECT", "UTF-8", "ALL", true)))
	if len(so.Nums) != int(n) {
		t.Errorf("UID SORT (SUBJECT) = %v", so.Nums)
	}

	th := labOne[*client.ThreadData](t, labMust(t)(c.Thread(ctx, "REFERENCES", "UTF-8", "ALL", false)))
	root := labFindThread(th.Threads, 1)
	if root == nil || len(root.Children) != 1 || root.Children[0].Num != 3 {
		t.Errorf("THREAD REFERENCES: message 3 is not a reply to 1: %s", labDumpThreads(th.Threads))
	}
	th = labOne[*client.ThreadData](t, labMust(t)(c.Thread(ctx, "ORDEREDSUBJECT", "UTF-8", "ALL", false)))
	if root := labFindThread(th.Threads, 1); root == nil || labCountThread(root) != 2 {
		t.Errorf("THREAD ORDEREDSUBJECT: %s", labDumpThreads(th.Threads))
	}
	if len(th.Threads) != int(n)-1 {
		t.Errorf("THREAD ORDEREDSUBJECT: %d threads, want %d", len(th.Threads), n-1)
	}
}

// labESearch checks SEARCH RETURN (RFC 4731) over n messages.
func labESearch(t *testing.T, c *client.Client, n uint32) {
	t.Helper()
	es := labOne[*client.ESearchData](t, labMust(t)(c.Search(t.Context(), "ALL", client.SearchOptions{Return: "MIN MAX COUNT ALL"})))
	if es.Min == nil || *es.Min != 1 || es.Max == nil || *es.Max != n || es.Count == nil || *es.Count != n {
		t.Errorf("ESEARCH %+v", es)
	}
	if es.All.String() != fmt.Sprintf("1:%d", n) {
		t.Errorf("ESEARCH ALL %q, want a range", es.All.String())
	}
	es = labOne[*client.ESearchData](t, labMust(t)(c.Search(t.Context(), "ALL", client.SearchOptions{UID: true, Return: "COUNT"})))
	if !es.UID {
		t.Errorf("UID SEARCH RETURN: UID flag not set: %+v", es)
	}
}

func labFindThread(forest []*client.ThreadNode, num uint32) *client.ThreadNode {
	for _, n := range forest {
		if n.Num == num {
			return n
		}
		if got := labFindThread(n.Children, num); got != nil {
			return got
		}
	}
	return nil
}

func labCountThread(n *client.ThreadNode) int {
	k := 1
	for _, ch := range n.Children {
		k += labCountThread(ch)
	}
	return k
}

func labDumpThreads(forest []*client.ThreadNode) string {
	var b strings.Builder
	for _, n := range forest {
		fmt.Fprintf(&b, "(%d %s)", n.Num, labDumpThreads(n.Children))
	}
	return b.String()
}

func testStoreCopyMoveExpunge(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-store")
	dest := l.box("T-store-dest")
	labMust(t)(c.Create(ctx, dest))
	labMust(t)(c.Select(ctx, name, client.SelectOptions{CondStore: !l.lacks("CONDSTORE")}))

	res := labMust(t)(c.Store(ctx, "1", "+FLAGS", `(\Flagged $Work)`, client.StoreOptions{}))
	f := labOne[*client.FetchData](t, res)
	if !slices.Contains(f.Flags, `\Flagged`) || !slices.Contains(f.Flags, "$Work") {
		t.Errorf("STORE +FLAGS answer %v", f.Flags)
	}
	labMust(t)(c.Store(ctx, "1", "-FLAGS.SILENT", `\Flagged`, client.StoreOptions{}))
	if f := labFetchOne(t, c, "1", "(FLAGS)"); slices.Contains(f.Flags, `\Flagged`) {
		t.Errorf("-FLAGS.SILENT left %v", f.Flags)
	}
	if l.lacks("CONDSTORE") {
		_, err := c.Store(ctx, "2", "+FLAGS", `\Answered`, client.StoreOptions{UnchangedSince: 1})
		labRefused(t, err, "CONDSTORE")
	} else {
		labUnchangedSince(t, c)
	}

	res = labMust(t)(c.Copy(ctx, "1:2", dest, false))
	if code := res.Status.Code; code == nil || code.Name != "COPYUID" || len(code.Args) != 3 {
		t.Errorf("COPY: want [COPYUID v src dst], got %+v", res.Status)
	}
	labMoveUID(t, l, c, labFetchOne(t, c, "5", "(UID)").UID, dest)
	if c.Mailbox().Exists != 4 {
		t.Errorf("EXISTS after MOVE = %d, want 4", c.Mailbox().Exists)
	}
	_, err := c.Copy(ctx, "1", l.box("T-no-such-dest"), false)
	if se := labServerError(t, err, "NO"); se.Code == nil || se.Code.Name != "TRYCREATE" {
		t.Errorf("COPY to a missing mailbox: want [TRYCREATE], got %+v", se.StatusResponse)
	}

	labExpunge(t, c)
	labMust(t)(c.Store(ctx, "1", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	labMust(t)(c.CloseMailbox(ctx))
	if c.State() != client.StateAuthenticated {
		t.Errorf("state %v after CLOSE", c.State())
	}
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, name, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 1 {
		t.Errorf("MESSAGES after EXPUNGE and CLOSE = %d, want 1", n)
	}
	st = labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, dest, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 3 {
		t.Errorf("destination MESSAGES = %d, want 3", n)
	}
}

// labExpunge marks messages 1 and 2 \Deleted, removes the first with UID
// EXPUNGE (UIDPLUS) and the other with EXPUNGE.
func labExpunge(t *testing.T, c *client.Client) {
	t.Helper()
	ctx := t.Context()
	labMust(t)(c.Store(ctx, "1:2", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	uid1 := labFetchOne(t, c, "1", "(UID)").UID
	res := labMust(t)(c.Expunge(ctx, labNum(uid1)))
	if res.Count("EXPUNGE")+res.Count("VANISHED") != 1 {
		t.Errorf("UID EXPUNGE: %v", labKinds(res))
	}
	res = labMust(t)(c.Expunge(ctx, ""))
	if ex := labNumbers(res, "EXPUNGE"); !slices.Equal(ex, []uint32{1}) {
		t.Errorf("EXPUNGE: message numbers %v, want [1]", ex)
	}
}

// labUnchangedSince: STORE (UNCHANGEDSINCE) of message 2 works once and is
// refused with [MODIFIED] the second time (RFC 7162).
func labUnchangedSince(t *testing.T, c *client.Client) {
	t.Helper()
	mod := labFetchOne(t, c, "2", "(UID MODSEQ)")
	labMust(t)(c.Store(t.Context(), labNum(mod.UID), "+FLAGS", `\Answered`, client.StoreOptions{UID: true, UnchangedSince: mod.ModSeq}))
	res, err := c.Store(t.Context(), labNum(mod.UID), "+FLAGS", `\Seen`, client.StoreOptions{UID: true, UnchangedSince: mod.ModSeq})
	if err != nil {
		t.Fatal(err)
	}
	if code := res.Status.Code; code == nil || code.Name != "MODIFIED" {
		t.Errorf("STORE (UNCHANGEDSINCE old): want [MODIFIED], got %+v", res.Status)
	}
}

// labMoveUID moves one message with UID MOVE, or, where the server lacks
// MOVE (the client refuses it), with UID COPY, STORE \Deleted and UID
// EXPUNGE (UIDPLUS).
func labMoveUID(t *testing.T, l *lab, c *client.Client, uid uint32, dest string) {
	t.Helper()
	ctx := t.Context()
	if !l.lacks("MOVE") {
		res := labMust(t)(c.Move(ctx, labNum(uid), dest, true))
		if res.Count("EXPUNGE")+res.Count("VANISHED") != 1 {
			t.Errorf("UID MOVE: responses %v", labKinds(res))
		}
		return
	}
	_, err := c.Move(ctx, labNum(uid), dest, true)
	labRefused(t, err, "MOVE")
	labMust(t)(c.Copy(ctx, labNum(uid), dest, true))
	labMust(t)(c.Store(ctx, labNum(uid), "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{UID: true}))
	if res := labMust(t)(c.Expunge(ctx, labNum(uid))); res.Count("EXPUNGE") != 1 {
		t.Errorf("UID EXPUNGE: %v", labKinds(res))
	}
}

// numbers returns the N of each EXISTS, RECENT or EXPUNGE of a kind.
func labNumbers(res *client.Result, kind string) []uint32 {
	var out []uint32
	for _, n := range client.Of[*client.NumberData](res) {
		if n.Name == kind {
			out = append(out, n.N)
		}
	}
	return out
}

func labNum(n uint32) string { return fmt.Sprint(n) }

func testCondStoreQResync(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-qresync")
	if l.lacks("CONDSTORE") { // Courier answers ENABLE OK, enabling nothing
		labMust(t)(c.Enable(ctx, "CONDSTORE", "QRESYNC"))
		if c.Enabled("CONDSTORE") || c.Enabled("QRESYNC") {
			t.Fatal("Enabled reports what the server did not enable")
		}
		labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
		_, err := c.Fetch(ctx, "1:*", "(FLAGS)", client.FetchOptions{ChangedSince: 1})
		labRefused(t, err, "CONDSTORE")
		return
	}
	res := labMust(t)(c.Enable(ctx, "CONDSTORE", "QRESYNC"))
	en := labOne[*client.EnabledData](t, res)
	if !c.Enabled("QRESYNC") || !c.Enabled("CONDSTORE") {
		t.Fatalf("ENABLED %v", en.Caps)
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
	high := c.Mailbox().HighestModSeq
	if high == 0 {
		t.Fatal("no HIGHESTMODSEQ after ENABLE QRESYNC")
	}
	labMust(t)(c.Store(ctx, "4", "+FLAGS.SILENT", `$Changed`, client.StoreOptions{}))
	res = labMust(t)(c.Fetch(ctx, "1:*", "(FLAGS)", client.FetchOptions{ChangedSince: high}))
	fs := client.Of[*client.FetchData](res)
	if len(fs) != 1 || fs[0].Seq != 4 || fs[0].ModSeq <= high {
		t.Fatalf("FETCH (CHANGEDSINCE %d): %+v", high, fs)
	}
	uid := labFetchOne(t, c, "3", "(UID)").UID
	labMust(t)(c.Store(ctx, "3", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	labMust(t)(c.Expunge(ctx, ""))
	res = labMust(t)(c.Fetch(ctx, "1:*", "(FLAGS)", client.FetchOptions{UID: true, ChangedSince: high, Vanished: true}))
	v := labOne[*client.VanishedData](t, res)
	if !v.Earlier || v.UIDs.String() != labNum(uid) {
		t.Errorf("VANISHED (EARLIER) %+v, want UID %d", v, uid)
	}
}
