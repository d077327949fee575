package repl

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Mailbox commands: RFC 9051 section 6.3 and its extensions.
func init() {
	mailbox := Arg{Name: "mailbox", Kind: cmdline.Mailbox}
	register(
		&Command{Command: cmdline.Command{Name: "select",
			Args: []Arg{mailbox, {Name: "option", Kind: cmdline.Atom, Optional: true, Values: []string{"CONDSTORE"}}}}, Group: groupMailbox, ShowsMailbox: true, Need: &client.Needs.Select,
			Summary: "open a mailbox read-write", Help: "select INBOX\nselect \"Sent Items\" condstore   (RFC 7162 CONDSTORE)",
			Run: runSelect(false)},
		&Command{Command: cmdline.Command{Name: "examine",
			Args: []Arg{mailbox, {Name: "option", Kind: cmdline.Atom, Optional: true, Values: []string{"CONDSTORE"}}}}, Group: groupMailbox, ShowsMailbox: true, Need: &client.Needs.Select,
			Summary: "open a mailbox read-only", Help: "The prompt shows (ro) while an examined mailbox is open.",
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
			Args: []Arg{{Name: "reference", Kind: cmdline.Pattern, Optional: true}, {Name: "pattern", Kind: cmdline.Pattern, Optional: true}}}, Group: groupMailbox, Need: &client.Needs.Mailbox,
			Summary: "list mailboxes", Help: "list              all mailboxes (\"\" *)\nlist Archive/*    one argument is the pattern\nlist \"\" %         reference and pattern, as in imaplib",
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
			Help:    "append Archive < msg.eml\nappend Drafts (\\Draft \\Seen) \"04-Mar-2024 09:15:00 +0100\" < msg.eml\nThe file streams to the server: its size does not matter.",
			Run:     runAppend},
	)
}

func runSelect(readOnly bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		opts := client.SelectOptions{ReadOnly: readOnly, CondStore: strings.EqualFold(in.Arg("option"), "CONDSTORE")}
		if in.Has("option") && !opts.CondStore {
			return nil, &UsageError{in.Cmd, "unknown option " + in.Arg("option") + " (CONDSTORE is known)"}
		}
		return s.c.Select(ctx, in.Arg("mailbox"), opts)
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

// runList lists with imaplib's defaults ("" and *); one argument is the
// pattern. The names refresh the completion cache.
func runList(lsub bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		ref, pattern := in.Arg("reference"), in.Arg("pattern")
		switch {
		case !in.Has("reference"):
			pattern = "*"
		case !in.Has("pattern"):
			ref, pattern = "", in.Arg("reference")
		}
		var res *client.Result
		var err error
		if lsub {
			res, err = s.c.Lsub(ctx, ref, pattern)
		} else {
			res, err = s.c.List(ctx, ref, pattern, client.ListOptions{})
		}
		s.cache.learnMailboxes(res, ref == "" && pattern == "*" && !lsub)
		return res, err
	}
}

func runStatus(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	items := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(in.Arg("items")))
	if len(items) == 0 {
		items = []string{"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY"}
	}
	return s.c.Status(ctx, in.Arg("mailbox"), items)
}
