package client

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"reflect"
	"strings"
	"testing"
)

func TestCapSetHas(t *testing.T) {
	rev2 := NewCapSet([]string{"imap4REV2", "ID"})
	for _, c := range []Cap{CapMove, CapEnable, CapIdle, CapNamespace, CapUnselect, CapUIDPlus, CapESearch, CapLiteralMinus, CapID, "id"} {
		if !rev2.Has(c) {
			t.Errorf("IMAP4rev2 ID: Has(%s) = false", c)
		}
	}
	for _, c := range []Cap{CapSort, CapStartTLS, CapCondStore, CapLiteralPlus, CapQuota} {
		if rev2.Has(c) {
			t.Errorf("IMAP4rev2 ID: Has(%s) = true, but RFC 9051 does not include it", c)
		}
	}
	if rev1 := NewCapSet([]string{"IMAP4rev1", "LITERAL+"}); !rev1.Has(CapLiteralMinus) || rev1.Has(CapMove) {
		t.Errorf("IMAP4rev1 LITERAL+: LITERAL- %v (want true), MOVE %v (want false)", rev1.Has(CapLiteralMinus), rev1.Has(CapMove))
	}
	if got := strings.Join(Needs.Move.CapNames(), "|"); got != "MOVE|IMAP4rev2" {
		t.Errorf("Needs.Move.CapNames() = %s", got)
	}
	if got := strings.Join(Needs.Metadata.CapNames(), "|"); got != "METADATA|METADATA-SERVER" {
		t.Errorf("Needs.Metadata.CapNames() = %s", got)
	}
}

// needCase calls the methods that check one of Needs.
type needCase struct {
	need    string // the field of Needs
	methods map[string]func(*Client) error
}

func callErr[T any](_ T, err error) error { return err }

var bgc = context.Background()

// needCases covers every command method of Client (TestNeedsCoverMethods
// checks) with the field of Needs it checks.
var needCases = []needCase{
	{"Capability", map[string]func(*Client) error{"Capability": func(c *Client) error { return callErr(c.Capability(bgc)) }}},
	{"Noop", map[string]func(*Client) error{"Noop": func(c *Client) error { return callErr(c.Noop(bgc)) }}},
	{"Logout", map[string]func(*Client) error{"Logout": func(c *Client) error { return callErr(c.Logout(bgc)) }}},
	{"ID", map[string]func(*Client) error{"ID": func(c *Client) error { return callErr(c.ID(bgc, nil)) }}},
	{"Enable", map[string]func(*Client) error{"Enable": func(c *Client) error { return callErr(c.Enable(bgc, "CONDSTORE")) }}},
	{"Xatom", map[string]func(*Client) error{
		"Xatom": func(c *Client) error { return callErr(c.Xatom(bgc, "XFOO", "")) },
		"Start": func(c *Client) error { return callErr(c.Start(bgc, "XFOO", "")) }}},
	{"StartTLS", map[string]func(*Client) error{"StartTLS": func(c *Client) error { return c.StartTLS(bgc, &tls.Config{}) }}},
	{"Login", map[string]func(*Client) error{"Login": func(c *Client) error { return callErr(c.Login(bgc, "a", "b")) }}},
	{"Authenticate", map[string]func(*Client) error{"Authenticate": func(c *Client) error {
		m, _ := NewMechanism("PLAIN", Credentials{User: "a", Password: "b"})
		return callErr(c.Authenticate(bgc, m))
	}}},
	{"LoginCRAMMD5", map[string]func(*Client) error{"LoginCRAMMD5": func(c *Client) error { return callErr(c.LoginCRAMMD5(bgc, "a", "b")) }}},
	{"ProxyAuth", map[string]func(*Client) error{"ProxyAuth": func(c *Client) error { return callErr(c.ProxyAuth(bgc, "a")) }}},
	{"Idle", map[string]func(*Client) error{"Idle": func(c *Client) error { return callErr(c.Idle(bgc, func(Response) {})) }}},
	{"Compress", map[string]func(*Client) error{"Compress": func(c *Client) error { return callErr(c.Compress(bgc)) }}},
	{"Select", map[string]func(*Client) error{"Select": func(c *Client) error { return callErr(c.Select(bgc, "INBOX", SelectOptions{})) }}},
	{"Mailbox", map[string]func(*Client) error{
		"Create":      func(c *Client) error { return callErr(c.Create(bgc, "x")) },
		"Delete":      func(c *Client) error { return callErr(c.Delete(bgc, "x")) },
		"Rename":      func(c *Client) error { return callErr(c.Rename(bgc, "x", "y")) },
		"Subscribe":   func(c *Client) error { return callErr(c.Subscribe(bgc, "x")) },
		"Unsubscribe": func(c *Client) error { return callErr(c.Unsubscribe(bgc, "x")) },
		"List":        func(c *Client) error { return callErr(c.List(bgc, "", "*", ListOptions{})) },
		"Lsub":        func(c *Client) error { return callErr(c.Lsub(bgc, "", "*")) },
		"Status":      func(c *Client) error { return callErr(c.Status(bgc, "x", []string{"MESSAGES"})) },
		"Append": func(c *Client) error {
			return callErr(c.Append(bgc, "x", AppendMessage{Body: strings.NewReader("m"), Size: 1}))
		}}},
	{"Namespace", map[string]func(*Client) error{"Namespace": func(c *Client) error { return callErr(c.Namespace(bgc)) }}},
	{"Unselect", map[string]func(*Client) error{"Unselect": func(c *Client) error { return callErr(c.Unselect(bgc)) }}},
	{"Message", map[string]func(*Client) error{
		"Check":        func(c *Client) error { return callErr(c.Check(bgc)) },
		"CloseMailbox": func(c *Client) error { return callErr(c.CloseMailbox(bgc)) },
		"Expunge":      func(c *Client) error { return callErr(c.Expunge(bgc, "")) },
		"Search":       func(c *Client) error { return callErr(c.Search(bgc, "ALL", SearchOptions{})) },
		"Fetch":        func(c *Client) error { return callErr(c.Fetch(bgc, "1", "FLAGS", FetchOptions{})) },
		"Store":        func(c *Client) error { return callErr(c.Store(bgc, "1", "+FLAGS", `\Seen`, StoreOptions{})) },
		"Copy":         func(c *Client) error { return callErr(c.Copy(bgc, "1", "x", false)) },
		"Partial":      func(c *Client) error { return callErr(c.Partial(bgc, 1, "BODY[]", 0, 10)) },
		"Recent":       func(c *Client) error { return callErr(c.Recent(bgc)) }}},
	{"UIDExpunge", map[string]func(*Client) error{"Expunge (UIDs)": func(c *Client) error { return callErr(c.Expunge(bgc, "1")) }}},
	{"Move", map[string]func(*Client) error{"Move": func(c *Client) error { return callErr(c.Move(bgc, "1", "x", false)) }}},
	{"Sort", map[string]func(*Client) error{"Sort": func(c *Client) error { return callErr(c.Sort(bgc, "DATE", "UTF-8", "ALL", false)) },
		"SortWith": func(c *Client) error { return callErr(c.SortWith(bgc, "DATE", "UTF-8", "ALL", SortOptions{UID: true})) }}},
	{"Thread", map[string]func(*Client) error{"Thread": func(c *Client) error { return callErr(c.Thread(bgc, "REFERENCES", "UTF-8", "ALL", false)) }}},
	{"ACL", map[string]func(*Client) error{
		"GetACL":     func(c *Client) error { return callErr(c.GetACL(bgc, "x")) },
		"SetACL":     func(c *Client) error { return callErr(c.SetACL(bgc, "x", "bob", "lr")) },
		"DeleteACL":  func(c *Client) error { return callErr(c.DeleteACL(bgc, "x", "bob")) },
		"ListRights": func(c *Client) error { return callErr(c.ListRights(bgc, "x", "bob")) },
		"MyRights":   func(c *Client) error { return callErr(c.MyRights(bgc, "x")) }}},
	{"Quota", map[string]func(*Client) error{
		"GetQuota":     func(c *Client) error { return callErr(c.GetQuota(bgc, "")) },
		"GetQuotaRoot": func(c *Client) error { return callErr(c.GetQuotaRoot(bgc, "x")) },
		"SetQuota":     func(c *Client) error { return callErr(c.SetQuota(bgc, "", nil)) }}},
	{"Metadata", map[string]func(*Client) error{
		"GetMetadata": func(c *Client) error { return callErr(c.GetMetadata(bgc, "x", []string{"/a"}, "")) },
		"SetMetadata": func(c *Client) error { return callErr(c.SetMetadata(bgc, "x", nil)) }}},
	{"AnnotateMore", map[string]func(*Client) error{
		"GetAnnotation": func(c *Client) error { return callErr(c.GetAnnotation(bgc, "x", "/a", "*")) },
		"SetAnnotation": func(c *Client) error { return callErr(c.SetAnnotation(bgc, "x", "/a", nil)) }}},
	{"Stored", map[string]func(*Client) error{
		"Responses": func(c *Client) error { c.Responses(""); return nil },
		"Codes":     func(c *Client) error { c.Codes(""); return nil }}},
}

// deadClient is a client in state s whose server announced caps (nil:
// none known) and whose connection fails every write, so that a command
// the checks let through fails with some other error.
func deadClient(t *testing.T, s State, caps []string) *Client {
	here, there := net.Pipe()
	there.Close()
	t.Cleanup(func() { here.Close() })
	c := newClient(here, &Options{AllowPlaintextAuth: true})
	c.state = s
	if caps != nil {
		c.setCaps(caps)
	}
	return c
}

// refusal classifies an error: "state", "capability" or "" (let through).
func refusal(err error) string {
	var se *StateError
	var ce *CapabilityError
	switch {
	case errors.As(err, &se):
		return "state"
	case errors.As(err, &ce), errors.Is(err, ErrTLSRequired) && strings.Contains(err.Error(), "advertise"):
		return "capability"
	}
	return ""
}

// TestEveryMethodChecksItsNeed: each command method refuses a state
// outside its Needs entry, refuses a server without its capabilities, and
// goes ahead with one of them or with IMAP4rev2 when RFC 9051 includes
// them: the methods and the declarations the shell reads cannot disagree.
func TestEveryMethodChecksItsNeed(t *testing.T) {
	needs := reflect.ValueOf(Needs)
	for _, nc := range needCases {
		need := needs.FieldByName(nc.need).Interface().(Need)
		for name, call := range nc.methods {
			t.Run(nc.need+"/"+name, func(t *testing.T) {
				checkNeed(t, need, call)
			})
		}
	}
}

func checkNeed(t *testing.T, need Need, call func(*Client) error) {
	all := []string{"IMAP4rev1"}
	for _, c := range need.Caps {
		all = append(all, string(c))
	}
	for _, s := range []State{StateNotAuthenticated, StateAuthenticated, StateSelected} {
		got := refusal(call(deadClient(t, s, all)))
		if want := map[bool]string{true: "", false: "state"}[need.StateOK(s)]; got != want {
			t.Errorf("in state %s with %v: refusal %q, want %q", s, all, got, want)
		}
	}
	valid := need.States & -need.States // one state it allows
	if len(need.Caps) == 0 || valid == StateLogout {
		return
	}
	if got := refusal(call(deadClient(t, valid, []string{"IMAP4rev1"}))); got != "capability" {
		t.Errorf("without %v: refusal %q, want capability", need.Caps, got)
	}
	if got := refusal(call(deadClient(t, valid, nil))); got != "" {
		t.Errorf("capabilities unknown: refusal %q, want none", got)
	}
	rev2 := len(need.CapNames()) > len(need.Caps)
	if got := refusal(call(deadClient(t, valid, []string{"IMAP4rev2"}))); (got == "") != rev2 {
		t.Errorf("with IMAP4rev2 only: refusal %q; RFC 9051 includes %v: %v", got, need.Caps, rev2)
	}
}

// TestNeedsCoverMethods: every field of Needs has its methods in
// needCases, and every command method (one taking a context) is there.
func TestNeedsCoverMethods(t *testing.T) {
	covered := map[string]bool{}
	fields := map[string]bool{}
	for _, nc := range needCases {
		fields[nc.need] = true
		for name := range nc.methods {
			covered[strings.Fields(name)[0]] = true
		}
	}
	nt := reflect.TypeOf(Needs)
	for i := 0; i < nt.NumField(); i++ {
		if !fields[nt.Field(i).Name] {
			t.Errorf("Needs.%s has no case in needCases", nt.Field(i).Name)
		}
	}
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	ct := reflect.TypeOf(&Client{})
	for i := 0; i < ct.NumMethod(); i++ {
		m := ct.Method(i)
		if m.Type.NumIn() > 1 && m.Type.In(1) == ctxType && m.Name != "Defer" && !covered[m.Name] {
			t.Errorf("Client.%s sends a command but checks no entry of Needs in needCases", m.Name)
		}
	}
}

// TestItemAvailable: extension items need their capability (IMAP4rev2
// counting for BINARY), base items none, unknown capabilities allow all.
func TestItemAvailable(t *testing.T) {
	rev1 := NewCapSet([]string{"IMAP4rev1", "CONDSTORE"})
	rev2 := NewCapSet([]string{"IMAP4rev2"})
	gmail := NewCapSet([]string{"IMAP4rev1", "X-GM-EXT-1", "QRESYNC"})
	tests := []struct {
		needs map[string][]Cap
		item  string
		caps  CapSet
		want  bool
	}{
		{ItemNeeds.Fetch, "ENVELOPE", rev1, true},
		{ItemNeeds.Fetch, "modseq", rev1, true},
		{ItemNeeds.Fetch, "MODSEQ", rev2, false},
		{ItemNeeds.Fetch, "MODSEQ", gmail, true}, // QRESYNC implies CONDSTORE
		{ItemNeeds.Fetch, "BINARY[", rev1, false},
		{ItemNeeds.Fetch, "BINARY.PEEK[", rev2, true},
		{ItemNeeds.Fetch, "EMAILID", rev2, false},
		{ItemNeeds.Fetch, "X-GM-LABELS", gmail, true},
		{ItemNeeds.Fetch, "X-GM-LABELS", rev2, false},
		{ItemNeeds.Fetch, "SAVEDATE", nil, true},
		{ItemNeeds.Search, "RETURN", rev1, false},
		{ItemNeeds.Search, "RETURN", rev2, true},
		{ItemNeeds.Search, "YOUNGER", rev2, false},
		{ItemNeeds.Status, "SIZE", rev1, false},
		{ItemNeeds.Status, "SIZE", rev2, true},
		{ItemNeeds.Status, "DELETED", rev1, false},
		{ItemNeeds.Status, "HIGHESTMODSEQ", rev1, true},
		{ItemNeeds.Status, "MESSAGES", rev1, true},
		{ItemNeeds.List, "RETURN", rev1, false},
		{ItemNeeds.List, "RETURN", rev2, true},
		{ItemNeeds.List, "STATUS", NewCapSet([]string{"LIST-EXTENDED"}), false},
		{ItemNeeds.List, "MYRIGHTS", NewCapSet([]string{"LIST-MYRIGHTS"}), true},
		{ItemNeeds.SearchReturn, "MIN", rev2, true},
		{ItemNeeds.SearchReturn, "PARTIAL", rev2, false},
		{ItemNeeds.Select, "QRESYNC", rev1, false},
		{ItemNeeds.Select, "CONDSTORE", rev1, true},
	}
	for _, tt := range tests {
		if got := ItemAvailable(tt.needs, tt.item, tt.caps); got != tt.want {
			t.Errorf("ItemAvailable(%s, %v) = %v, want %v", tt.item, tt.caps, got, tt.want)
		}
	}
}
