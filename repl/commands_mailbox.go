package repl

import (
	"context"
	"strings"

	"imapsh/client"
	"imapsh/completion"
)

// Mailbox commands: RFC 9051 section 6.3 and its extensions.
func init() {
	mailbox := Arg{Name: "mailbox", Kind: completion.Mailbox}
	register(
		&Command{Name: "select", Group: groupMailbox, States: client.AuthOrSelect,
			Args:    []Arg{mailbox, {Name: "option", Kind: completion.Atom, Optional: true, Values: []string{"CONDSTORE"}}},
			Summary: "open a mailbox read-write", Help: "select INBOX\nselect \"Sent Items\" condstore   (RFC 7162 CONDSTORE)",
			Run: runSelect(false)},
		&Command{Name: "examine", Group: groupMailbox, States: client.AuthOrSelect,
			Args:    []Arg{mailbox, {Name: "option", Kind: completion.Atom, Optional: true, Values: []string{"CONDSTORE"}}},
			Summary: "open a mailbox read-only", Help: "The prompt shows (ro) while an examined mailbox is open.",
			Run: runSelect(true)},
		&Command{Name: "create", Group: groupMailbox, States: client.AuthOrSelect,
			Args: []Arg{mailbox, {Name: "use", Kind: completion.Atom, Optional: true, Repeat: true,
				Values: []string{`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`}}},
			Summary: "create a mailbox", Help: "create Archive/2025\ncreate Junk \\Junk   asks for a special use (RFC 6154 CREATE-SPECIAL-USE;\n" +
				"                    refused when the server does not announce that)",
			Run: runCreate},
		&Command{Name: "delete", Group: groupMailbox, States: client.AuthOrSelect, Args: []Arg{mailbox},
			Summary: "delete a mailbox", Run: runDelete},
		&Command{Name: "rename", Group: groupMailbox, States: client.AuthOrSelect,
			Args:    []Arg{{Name: "from", Kind: completion.Mailbox}, {Name: "to", Kind: completion.Mailbox}},
			Summary: "rename a mailbox", Run: runRename},
		&Command{Name: "subscribe", Group: groupMailbox, States: client.AuthOrSelect, Args: []Arg{mailbox},
			Summary: "add a mailbox to the subscriptions",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Subscribe(ctx, in.Arg("mailbox"))
			}},
		&Command{Name: "unsubscribe", Group: groupMailbox, States: client.AuthOrSelect, Args: []Arg{mailbox},
			Summary: "remove a mailbox from the subscriptions",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Unsubscribe(ctx, in.Arg("mailbox"))
			}},
		&Command{Name: "list", Group: groupMailbox, States: client.AuthOrSelect,
			Args:    []Arg{{Name: "reference", Kind: completion.Pattern, Optional: true}, {Name: "pattern", Kind: completion.Pattern, Optional: true}},
			Summary: "list mailboxes", Help: "list              all mailboxes (\"\" *)\nlist Archive/*    one argument is the pattern\nlist \"\" %         reference and pattern, as in imaplib",
			Run: runList(false)},
		&Command{Name: "lsub", Group: groupMailbox, States: client.AuthOrSelect,
			Args:    []Arg{{Name: "reference", Kind: completion.Pattern, Optional: true}, {Name: "pattern", Kind: completion.Pattern, Optional: true}},
			Summary: "list subscribed mailboxes", Run: runList(true)},
		&Command{Name: "status", Group: groupMailbox, States: client.AuthOrSelect, Pipe: true,
			Args:    []Arg{mailbox, {Name: "items", Kind: completion.StatusItems, Optional: true}},
			Summary: "show a mailbox's counters without selecting it",
			Help:    "status INBOX                       MESSAGES UNSEEN UIDNEXT UIDVALIDITY\nstatus Archive (MESSAGES SIZE)",
			Run:     runStatus},
		&Command{Name: "namespace", Group: groupMailbox, States: client.AuthOrSelect, Caps: []string{"NAMESPACE", "IMAP4rev2"},
			Summary: "show the personal, other users' and shared namespaces (RFC 2342)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Namespace(ctx) }},
		&Command{Name: "append", Group: groupMailbox, States: client.AuthOrSelect, In: true,
			Args: []Arg{mailbox, {Name: "flags", Kind: completion.FlagList, Optional: true},
				{Name: "date", Kind: completion.Date, Optional: true}},
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
	res, err := s.c.Create(ctx, in.Arg("mailbox"), in.List("use")...)
	if res.OK() {
		s.addMailbox(in.Arg("mailbox"))
	}
	return res, err
}

func runDelete(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	res, err := s.c.Delete(ctx, in.Arg("mailbox"))
	if res.OK() {
		s.removeMailbox(in.Arg("mailbox"))
	}
	return res, err
}

func runRename(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	res, err := s.c.Rename(ctx, in.Arg("from"), in.Arg("to"))
	if res.OK() {
		s.removeMailbox(in.Arg("from"))
		s.addMailbox(in.Arg("to"))
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
		s.learnMailboxes(res, ref == "" && pattern == "*" && !lsub)
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

// learnMailboxes puts the names of a LIST result into the completion
// cache; a complete listing replaces it.
func (s *Session) learnMailboxes(res *client.Result, complete bool) {
	var names []string
	for _, l := range client.Of[*client.ListData](res) {
		names = append(names, l.Mailbox)
	}
	if complete {
		s.setMailboxes(names)
		return
	}
	for _, n := range names {
		s.addMailbox(n)
	}
}

// addMailbox adds a name to the completion cache.
func (s *Session) addMailbox(name string) {
	for _, m := range s.Mailboxes() {
		if m == name {
			return
		}
	}
	s.setMailboxes(append(s.Mailboxes(), name))
}

// removeMailbox drops a name from the completion cache.
func (s *Session) removeMailbox(name string) {
	var keep []string
	for _, m := range s.Mailboxes() {
		if m != name {
			keep = append(keep, m)
		}
	}
	s.setMailboxes(keep)
}
