package probe

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"imapsh/client"
)

// checkList lists the top level (INBOX must be there), then with
// LIST-EXTENDED's RETURN (CHILDREN) and LIST-STATUS when announced.
func checkList(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "list", label: `LIST "" "%"`, wants: []string{"LIST"}, rfc: "RFC 9051 6.3.9",
		must: "do not rely on LIST to show INBOX: it always exists; SELECT it by name"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.List(ctx, "", "%", client.ListOptions{})
		})
	r.facts.learnList(st.Result)
	st.Expected, st.Got = "INBOX in the list", "INBOX in the list"
	if !containsFold(r.facts.mailboxes, "INBOX") {
		st.Got = "no INBOX"
	}
	if r.facts.delim == "" {
		if l := client.Of[*client.ListData](st.Result); len(l) > 0 {
			r.facts.delim = l[0].Delim
		}
	}
	if err := stopped(st); err != nil {
		return err
	}
	if ok, _ := r.facts.announced("LIST-EXTENDED"); ok {
		if err := r.listChildren(ctx); err != nil {
			return err
		}
	}
	if ok, _ := r.facts.announced("LIST-STATUS"); ok {
		st := r.step(ctx, stepSpec{kind: "list-status", ext: "LIST-STATUS", label: `LIST "" "%" RETURN (STATUS (MESSAGES))`,
			wants: []string{"STATUS"}, rfc: "RFC 5819 2", must: "send STATUS for each mailbox instead"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.List(ctx, "", "%", client.ListOptions{Return: "STATUS (MESSAGES)"})
			})
		r.facts.learnList(st.Result)
		st.Note = fmt.Sprintf("LIST-STATUS: %d STATUS with %d LIST", countOf(st.Result, "STATUS"), countOf(st.Result, "LIST"))
		return stopped(st)
	}
	return nil
}

// listChildren asks for \HasChildren/\HasNoChildren, which RETURN
// (CHILDREN) makes mandatory on every mailbox (RFC 5258 4).
func (r *run) listChildren(ctx context.Context) error {
	st := r.step(ctx, stepSpec{kind: "list-extended", ext: "LIST-EXTENDED", label: `LIST "" "%" RETURN (CHILDREN)`,
		wants: []string{"LIST"}, rfc: "RFC 5258 4", must: "find children with LIST \"\" \"name/%\" instead"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.List(ctx, "", "%", client.ListOptions{Return: "CHILDREN"})
		})
	st.Expected, st.Got = "\\HasChildren or \\HasNoChildren on every mailbox", "\\HasChildren or \\HasNoChildren on every mailbox"
	for _, l := range client.Of[*client.ListData](st.Result) {
		if !l.HasAttr(`\HasChildren`) && !l.HasAttr(`\HasNoChildren`) && !l.HasAttr(`\NonExistent`) {
			st.Got = "neither on " + quoted(l.Mailbox)
			break
		}
	}
	return stopped(st)
}

// checkSpecialUse lists the special-use mailboxes (RFC 6154).
func checkSpecialUse(ctx context.Context, r *run) error {
	opts, label := client.ListOptions{Select: "SPECIAL-USE"}, `LIST (SPECIAL-USE) "" "*"`
	if ok, _ := r.facts.announced("LIST-EXTENDED"); !ok {
		opts, label = client.ListOptions{}, `LIST "" "*"`
	}
	st := r.step(ctx, stepSpec{kind: "special-use", ext: "SPECIAL-USE", label: label, rfc: "RFC 6154 2"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.List(ctx, "", "*", opts) })
	var found []string
	for _, l := range client.Of[*client.ListData](st.Result) {
		for _, a := range l.Attrs {
			if specialUseName(a) != "" {
				found = append(found, a+" "+l.Mailbox)
			}
		}
	}
	st.Note = "no mailbox has a special-use attribute"
	if len(found) > 0 {
		st.Note = strings.Join(found, ", ")
	}
	return stopped(st)
}

// statusItemExts are the STATUS items the probe asks for beyond the base
// four, each with the capability that adds it.
var statusItemExts = []struct{ item, ext string }{
	{"SIZE", "STATUS=SIZE"}, {"HIGHESTMODSEQ", "CONDSTORE"}, {"MAILBOXID", "OBJECTID"}, {"DELETED", "IMAP4rev2"},
}

// checkStatus asks STATUS of INBOX for the base items, then for each item
// an announced extension adds, then for an item no server knows.
func checkStatus(ctx context.Context, r *run) error {
	base := []string{"MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN"}
	st := r.statusStep(ctx, "", base)
	r.facts.learnStatus(st.Result)
	if err := stopped(st); err != nil {
		return err
	}
	for _, ie := range statusItemExts {
		if ok, _ := r.facts.announced(ie.ext); !ok {
			continue
		}
		st := r.statusStep(ctx, ie.ext, []string{ie.item})
		if s := client.Of[*client.StatusData](st.Result); len(s) > 0 {
			st.Note = statusNote(s[0], ie.item)
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	st = r.step(ctx, stepSpec{kind: "status-unknown-item", label: "STATUS INBOX (MESSAGES X-IMAPSH-PROBE)", expect: expectRefusal},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Status(ctx, "INBOX", []string{"MESSAGES", "X-IMAPSH-PROBE"})
		})
	return stopped(st)
}

// statusNote shows one STATUS item: "STATUS SIZE 108", "STATUS MAILBOXID (x1)".
func statusNote(s *client.StatusData, item string) string {
	for _, it := range s.Items {
		switch {
		case !strings.EqualFold(it.Name, item):
		case it.Data == nil:
			return "STATUS " + item + " " + strconv.FormatUint(it.Value, 10)
		case len(it.Data.List) > 0:
			return "STATUS " + item + " (" + it.Data.List[0].AsString() + ")"
		default:
			return "STATUS " + item + " " + it.Data.AsString()
		}
	}
	return ""
}

// statusStep asks STATUS INBOX for items, as a step exercising ext.
func (r *run) statusStep(ctx context.Context, ext string, items []string) *Step {
	label := "STATUS INBOX (" + strings.Join(items, " ") + ")"
	return r.step(ctx, stepSpec{kind: "status", ext: ext, label: label, asked: items, wants: []string{"STATUS"}, rfc: "RFC 9051 6.3.11",
		must: "SELECT or EXAMINE the mailbox to learn its counts"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Status(ctx, "INBOX", items)
		})
}
