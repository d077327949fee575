package repl

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Mailbox commands: RFC 9051 section 6.3 and its extensions.
func init() {
	mailbox := Arg{Name: "mailbox", Kind: cmdline.Mailbox}
	register(
		&Command{Command: cmdline.Command{Name: "select", Args: []Arg{mailbox, selectParamsArg}}, Group: groupMailbox, ShowsMailbox: true, Need: &client.Needs.Select,
			Summary: "open a mailbox read-write", Help: "select INBOX\n" + selectHelp,
			Run: runSelect(false)},
		&Command{Command: cmdline.Command{Name: "examine", Args: []Arg{mailbox, selectParamsArg}}, Group: groupMailbox, ShowsMailbox: true, Need: &client.Needs.Select,
			Summary: "open a mailbox read-only", Help: "The prompt shows (ro) while an examined mailbox is open.\n" + selectHelp,
			Run: runSelect(true)},
		&Command{Command: cmdline.Command{Name: "create",
			Args: []Arg{mailbox, {Name: "use", Kind: cmdline.Atom, Optional: true, Repeat: true,
				Values: []string{`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`}}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "create a mailbox", Help: "create Archive/2025\ncreate Junk \\Junk   asks for a special use (RFC 6154 CREATE-SPECIAL-USE;\n" +
				"                    refused when the server does not announce that)",
			Run: runCreate},
		&Command{Command: cmdline.Command{Name: "delete", Args: []Arg{mailbox}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "delete a mailbox", Run: runDelete},
		&Command{Command: cmdline.Command{Name: "rename",
			Args: []Arg{{Name: "from", Kind: cmdline.Mailbox}, {Name: "to", Kind: cmdline.Mailbox}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "rename a mailbox", Run: runRename},
		&Command{Command: cmdline.Command{Name: "subscribe", Args: []Arg{mailbox}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "add a mailbox to the subscriptions",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Subscribe(ctx, in.Arg("mailbox"))
			}},
		&Command{Command: cmdline.Command{Name: "unsubscribe", Args: []Arg{mailbox}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "remove a mailbox from the subscriptions",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Unsubscribe(ctx, in.Arg("mailbox"))
			}},
		&Command{Command: cmdline.Command{Name: "list",
			Args: []Arg{{Name: "selection", Kind: cmdline.ListSelection, Optional: true, Grouped: true},
				{Name: "reference", Kind: cmdline.Pattern, Optional: true}, {Name: "pattern", Kind: cmdline.Pattern, Optional: true},
				{Name: "options", Kind: cmdline.ListReturn, Optional: true, Grouped: true, Keyword: "RETURN"}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "list mailboxes", Help: listHelp,
			Run: runList(false)},
		&Command{Command: cmdline.Command{Name: "lsub",
			Args: []Arg{{Name: "reference", Kind: cmdline.Pattern, Optional: true}, {Name: "pattern", Kind: cmdline.Pattern, Optional: true}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "list subscribed mailboxes", Run: runList(true)},
		&Command{Command: cmdline.Command{Name: "status",
			Args: []Arg{mailbox, {Name: "items", Kind: cmdline.StatusItems, Optional: true}}}, Group: groupMailbox, Need: &client.Needs.Mailbox, Pipe: true,
			Summary: "show a mailbox's counters without selecting it",
			Help:    "status INBOX                       MESSAGES UNSEEN UIDNEXT UIDVALIDITY\nstatus Archive (MESSAGES SIZE)",
			Run:     runStatus},
		&Command{Command: cmdline.Command{Name: "namespace"}, Group: groupMailbox, Need: &client.Needs.Namespace,
			Summary: "show the personal, other users' and shared namespaces (RFC 2342)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Namespace(ctx) }},
		&Command{Command: cmdline.Command{Name: "append", In: true,
			Args: []Arg{mailbox, {Name: "flags", Kind: cmdline.FlagList, Optional: true},
				{Name: "date", Kind: cmdline.Date, Optional: true}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "add a message from a file to a mailbox",
			Help:    "append Archive < msg.eml\nappend Drafts (\\Draft \\Seen) \"04-Mar-2024 09:15:00 +0100\" < msg.eml\nThe file streams to the server: its size does not matter. LF line ends are sent as CRLF.",
			Run:     runAppend},
	)
}

// selectParamsArg is what follows the mailbox of select and examine.
var selectParamsArg = Arg{Name: "parameters", Kind: cmdline.SelectParams, Optional: true, Usage: "(PARAMETERS)"}

// selectHelp shows the parameters of select and examine.
const selectHelp = `select "Sent Items" (CONDSTORE)     MODSEQ in FETCH and SEARCH (RFC 7162)
enable QRESYNC
examine INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))
    what changed since: VANISHED (EARLIER) for the expunged UIDs, FETCH for the
    changed flags; after the mod-sequence may come the known UIDs and a list of
    known message numbers with their UIDs: (1,10,20 41,57,83)`

func runSelect(readOnly bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		opts := client.SelectOptions{ReadOnly: readOnly}
		if err := selectParams(in.Arg("parameters"), &opts); err != nil {
			return nil, usageErr(in, err.Error())
		}
		res, err := s.c.Select(ctx, in.Arg("mailbox"), opts)
		if hint := selectHint(err); hint != "" {
			err = &hintedError{err, hint}
		}
		return res, err
	}
}

func runCreate(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	for _, use := range in.List("use") {
		if !strings.HasPrefix(use, `\`) { // create Foo Bar: a name with a space, unquoted (issue 11, defect 4)
			name := in.Arg("mailbox") + " " + strings.Join(in.List("use"), " ")
			return nil, &hintedError{fmt.Errorf(`create: %q is not a special use like \Sent or \Junk`, use),
				"a mailbox name with spaces needs quotes: create " + cmdline.Quote(name)}
		}
	}
	res, err := s.c.Create(ctx, in.Arg("mailbox"), in.List("use")...)
	if res.OK() {
		s.cache.addMailbox(in.Arg("mailbox"))
	}
	return res, err
}

func runDelete(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	res, err := s.c.Delete(ctx, in.Arg("mailbox"))
	if res.OK() {
		s.cache.removeMailbox(in.Arg("mailbox"))
	}
	return res, err
}

func runRename(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	res, err := s.c.Rename(ctx, in.Arg("from"), in.Arg("to"))
	if res.OK() {
		s.cache.removeMailbox(in.Arg("from"))
		s.cache.addMailbox(in.Arg("to"))
	}
	return res, err
}

// listHelp shows the forms of list (RFC 5258 LIST-EXTENDED and its
// options).
const listHelp = `list                              all mailboxes ("" *)
list Archive/*                    one argument is the pattern
list "" %                         reference and pattern, as in imaplib
list "" (INBOX "Sent*" Archive/%) several patterns
list (SUBSCRIBED) "" *            selection options: SUBSCRIBED REMOTE RECURSIVEMATCH
list (SPECIAL-USE) "" *           and SPECIAL-USE (RFC 6154)
list "" * RETURN (STATUS (MESSAGES UNSEEN))   counters beside the names (RFC 5819)
list "" % RETURN (CHILDREN SUBSCRIBED SPECIAL-USE)
Options and several patterns need LIST-EXTENDED (RFC 5258), STATUS also LIST-STATUS.`

// runList lists with imaplib's defaults ("" and *); one argument is the
// pattern, a parenthesised pattern several ones. The names refresh the
// completion cache.
func runList(lsub bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		ref, pattern, quoted := in.Arg("reference"), in.Arg("pattern"), in.Quoted("pattern")
		switch {
		case !in.Has("reference"):
			pattern = "*"
		case !in.Has("pattern"):
			ref, pattern, quoted = "", in.Arg("reference"), in.Quoted("reference")
		}
		if lsub {
			res, err := s.c.Lsub(ctx, ref, pattern)
			s.cache.learnMailboxes(res, false)
			return res, err
		}
		opts := client.ListOptions{Select: in.Arg("selection"), Return: in.Arg("options")}
		first, more, err := listPatterns(pattern, quoted)
		if err != nil {
			return nil, usageErr(in, err.Error())
		}
		opts.More = more
		res, err := s.c.List(ctx, ref, first, opts)
		s.cache.learnMailboxes(res, ref == "" && first == "*" && !in.Has("selection") && len(more) == 0)
		return res, listHinted(err)
	}
}

// listPatterns splits a parenthesised pattern list, ("INBOX" Sent*), into
// the first pattern and the others (RFC 5258 section 3); another pattern,
// or one typed quoted ("(a)"), stands alone.
func listPatterns(pattern string, quoted bool) (string, []string, error) {
	if quoted || !strings.HasPrefix(pattern, "(") {
		return pattern, nil, nil
	}
	items, err := cmdline.Items(pattern)
	if err != nil {
		return "", nil, fmt.Errorf("PATTERN: %v", err)
	}
	var names []string
	for _, it := range items {
		if it.IsList {
			return "", nil, fmt.Errorf("PATTERN: a list of patterns holds no lists: %s", it.Text)
		}
		names = append(names, it.Text)
	}
	if len(names) == 0 {
		return "", nil, fmt.Errorf("PATTERN: an empty list; give at least one pattern")
	}
	return names[0], names[1:], nil
}

// listHinted adds a hint to a LIST the client refused for lack of
// LIST-EXTENDED (Courier-IMAP 5.0) or of an option's capability.
func listHinted(err error) error {
	var ce *client.CapabilityError
	switch {
	case !errors.As(err, &ce):
		return err
	case strings.HasPrefix(ce.Cap, string(client.CapListExtended)):
		return &hintedError{err, "this server has no LIST-EXTENDED (RFC 5258): list REFERENCE PATTERN takes one pattern " +
			"and no options; lsub lists the subscribed mailboxes, status MAILBOX gives counters"}
	}
	return &hintedError{err, "this server does not announce " + ce.Cap + ": leave that option out"}
}

func runStatus(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	items := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(in.Arg("items")))
	if len(items) == 0 {
		items = []string{"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY"}
	}
	return s.c.Status(ctx, in.Arg("mailbox"), items)
}
