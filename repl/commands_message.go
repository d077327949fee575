package repl

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/render"
)

// Message commands: RFC 9051 section 6.4 and extensions; each also exists
// as a "uid ..." command working on UIDs.
func init() {
	register(
		&Command{Command: cmdline.Command{Name: "check"}, Group: groupMessage, Need: &client.Needs.Message, Pipe: true,
			Summary: "ask for a checkpoint of the selected mailbox",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Check(ctx) }},
		&Command{Command: cmdline.Command{Name: "close"}, Group: groupMessage, Need: &client.Needs.Message,
			Summary: "expunge deleted messages and close the mailbox",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.CloseMailbox(ctx) }},
		&Command{Command: cmdline.Command{Name: "unselect"}, Group: groupMessage, Need: &client.Needs.Unselect,
			Summary: "close the mailbox without expunging (RFC 3691)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Unselect(ctx) }},
		&Command{Command: cmdline.Command{Name: "expunge"}, Group: groupMessage, Destroys: always, Need: &client.Needs.Message, Pipe: true,
			Summary: `remove the messages flagged \Deleted`,
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Expunge(ctx, "") }},
		&Command{Command: cmdline.Command{Name: "uid expunge",
			Args: []Arg{{Name: "uids", Kind: cmdline.SeqSet}}}, Group: groupMessage, Destroys: always, Need: &client.Needs.UIDExpunge, Pipe: true,
			Summary: `remove the given \Deleted messages only (RFC 4315)`,
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Expunge(ctx, in.Arg("uids"))
			}},
		&Command{Command: cmdline.Command{Name: "partial",
			Args: []Arg{{Name: "number", Kind: cmdline.Number}, {Name: "part", Kind: cmdline.Atom, Values: []string{"BODY[]", "BODY[TEXT]", "BODY[HEADER]"}},
				{Name: "start", Kind: cmdline.Number}, {Name: "length", Kind: cmdline.Number}}}, Group: groupMessage, Need: &client.Needs.Message,
			Summary: "fetch part of a message (the obsolete PARTIAL of RFC 1730)",
			Run:     runPartial},
		&Command{Command: cmdline.Command{Name: "idle",
			Args: []Arg{{Name: "duration", Kind: cmdline.Duration, Optional: true}}}, Group: groupMessage, EndsByCtrlC: true, Need: &client.Needs.Idle,
			Summary: "wait for new mail and flag changes, shown live, until Ctrl-C or for DURATION (30, 90s, 5m) (RFC 2177)",
			Run:     runIdle},
	)
	for _, uid := range []bool{false, true} {
		register(messageCommands(uid)...)
	}
}

// messageCommands returns fetch, store, search, copy, move, sort and
// thread, or their uid variants.
func messageCommands(uid bool) []*Command {
	pre, set, what := "", Arg{Name: setArgName(uid), Kind: cmdline.SeqSet}, "messages"
	if uid {
		pre, what = "uid ", "messages by UID"
	}
	search := Arg{Name: "criteria", Kind: cmdline.SearchKeys}
	returns := Arg{Name: "options", Kind: cmdline.SearchReturn, Optional: true, Grouped: true, Keyword: "RETURN"}
	charset := Arg{Name: "charset", Kind: cmdline.Atom, Optional: true, Keyword: "CHARSET", Usage: "NAME", Values: []string{"UTF-8", "US-ASCII"}}
	return []*Command{
		{Command: cmdline.Command{Name: pre + "fetch", Out: true,
			Args: []Arg{set, {Name: "items", Kind: cmdline.FetchItems}}}, Group: groupMessage, Need: &client.Needs.Message, Pipe: true,
			Summary: "retrieve data of " + what,
			Help: "fetch 1:5 (UID FLAGS ENVELOPE)\nfetch 1:* fast\nfetch 7 BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]\n" +
				"fetch 7 BODY[] > msg.eml     streams the body to a file, as sent\n" +
				"fetch 7 (BODYSTRUCTURE BODY.PEEK[1])   on a terminal, part 1 and header words are shown decoded",
			Run: runFetch(uid)},
		{Command: cmdline.Command{Name: pre + "store",
			Args: []Arg{set, {Name: "operation", Kind: cmdline.StoreOp}, {Name: "flags", Kind: cmdline.Flags, Repeat: true}}}, Group: groupMessage, Destroys: storesDeleted, Need: &client.Needs.Message, Pipe: true,
			Summary: "change the flags of " + what,
			Help: "store 1:3 +flags \\Seen\nstore 4 -flags.silent (\\Flagged $Important)\n" +
				"store 5 (UNCHANGEDSINCE 1234) +flags \\Deleted    CONDSTORE (RFC 7162): only if unchanged",
			Run: runStore(uid)},
		{Command: cmdline.Command{Name: pre + "search",
			Args: []Arg{returns, charset, search}}, Group: groupMessage, Need: &client.Needs.Message, Pipe: true,
			Summary: "find " + what, Help: searchHelp(pre),
			Run: runSearch(uid)},
		{Command: cmdline.Command{Name: pre + "copy",
			Args: []Arg{set, {Name: "mailbox", Kind: cmdline.Mailbox}}}, Group: groupMessage, Need: &client.Needs.Message, Pipe: true,
			Summary: "copy " + what + " to a mailbox",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Copy(ctx, in.Arg(set.Name), in.Arg("mailbox"), uid)
			}},
		{Command: cmdline.Command{Name: pre + "move",
			Args: []Arg{set, {Name: "mailbox", Kind: cmdline.Mailbox}}}, Group: groupMessage, Destroys: always, Need: &client.Needs.Move, Pipe: true,
			Summary: "move " + what + " to a mailbox (RFC 6851)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Move(ctx, in.Arg(set.Name), in.Arg("mailbox"), uid)
			}},
		{Command: cmdline.Command{Name: pre + "save",
			Args: []Arg{{Name: numArg(uid), Kind: cmdline.Number}, {Name: "part", Kind: cmdline.Atom},
				{Name: "file", Kind: cmdline.Path, Optional: true}}}, Group: groupMessage, Need: &client.Needs.Message,
			Summary: "save one body part (an attachment) to a file, its transfer encoding undone",
			Help: pre + "fetch 3 BODYSTRUCTURE          shows the parts and their names\n" +
				pre + "save 3 2                        into the part's own name, in this directory (never replaced)\n" +
				pre + "save 3 2 report.pdf             into report.pdf (replaced whole, or left as it was)\n" +
				pre + "save 3 2 attachments/           into that directory, with the part's own name\n" +
				"The sender's file name is made safe first: no directories, no .., no control characters.",
			Run: runSave(uid)},
		{Command: cmdline.Command{Name: pre + "sort",
			Args: []Arg{returns, {Name: "order", Kind: cmdline.SortKeys}, {Name: "charset", Kind: cmdline.Atom, Values: []string{"UTF-8", "US-ASCII"}}, search}}, Group: groupMessage, Need: &client.Needs.Sort, Pipe: true,
			Summary: "search and sort " + what + " (RFC 5256)", Help: sortHelp(pre),
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				opts := client.SortOptions{UID: uid, Return: in.Arg("options")}
				res, err := s.c.SortWith(ctx, in.Arg("order"), in.Arg("charset"), in.Arg("criteria"), opts)
				return res, searchHinted(err)
			}},
		{Command: cmdline.Command{Name: pre + "thread",
			Args: []Arg{{Name: "algorithm", Kind: cmdline.Atom, Values: []string{"REFERENCES", "ORDEREDSUBJECT"}},
				{Name: "charset", Kind: cmdline.Atom, Values: []string{"UTF-8", "US-ASCII"}}, search}}, Group: groupMessage, Need: &client.Needs.Thread, Pipe: true,
			Summary: "search and thread " + what + " (RFC 5256)", Help: "thread REFERENCES UTF-8 ALL",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Thread(ctx, in.Arg("algorithm"), in.Arg("charset"), in.Arg("criteria"), uid)
			}},
	}
}

// always is Destroys for EXPUNGE and MOVE (which expunges from the source).
func always(*Input) bool { return true }

// storesDeleted is Destroys for STORE: an operation that sets \Deleted.
func storesDeleted(in *Input) bool {
	return !strings.HasPrefix(in.Arg("operation"), "-") && strings.Contains(strings.ToLower(in.Arg("flags")), `\deleted`)
}

// setArgName names the message set argument: seqset, or uids for the uid
// commands.
func setArgName(uid bool) string {
	if uid {
		return "uids"
	}
	return "seqset"
}

func runFetch(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		set := in.Arg(setArgName(uid))
		items, opts := fetchModifiers(in.Arg("items"))
		opts.UID = uid
		if in.Out != "" {
			return s.fetchToFile(ctx, in, set, items, opts)
		}
		opts.Each = s.fetchEach(in) // stream.go: shown as they come, unless pipelined
		opts.Sink = s.fetchSink(in) // spool.go: large sections in a temporary file
		return s.c.Fetch(ctx, set, items, opts)
	}
}

// changedSinceRE is RFC 7162's fetch modifier list as typed after the
// items: (CHANGEDSINCE n) or (CHANGEDSINCE n VANISHED).
var changedSinceRE = regexp.MustCompile(`(?i)^(.*\S)\s+\(CHANGEDSINCE\s+([0-9]+)(\s+VANISHED)?\)$`)

// fetchModifiers splits typed FETCH items from a trailing CONDSTORE/QRESYNC
// modifier list, which the client then checks against the server's
// capabilities; anything else stays as typed.
func fetchModifiers(typed string) (string, client.FetchOptions) {
	m := changedSinceRE.FindStringSubmatch(strings.TrimSpace(typed))
	if m == nil {
		return typed, client.FetchOptions{}
	}
	since, err := strconv.ParseUint(m[2], 10, 64)
	if err != nil || since == 0 {
		return typed, client.FetchOptions{}
	}
	return m[1], client.FetchOptions{ChangedSince: since, Vanished: m[3] != ""}
}

// runSearch runs SEARCH: [RETURN (...)] [CHARSET name] criteria, in
// RFC 9051's order.
func runSearch(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		if keys := in.List("criteria"); strings.EqualFold(keys[0], "RETURN") {
			return nil, usageErr(in, "RETURN (...) comes first, before CHARSET: search RETURN (COUNT) CHARSET UTF-8 ...")
		}
		opts := client.SearchOptions{UID: uid, Charset: in.Arg("charset"), Return: in.Arg("options")}
		res, err := s.c.Search(ctx, in.Arg("criteria"), opts)
		return res, searchHinted(err)
	}
}

func runPartial(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	n := func(name string) uint32 { v, _ := parseUint32(in.Arg(name)); return v }
	return s.c.Partial(ctx, n("number"), in.Arg("part"), n("start"), n("length"))
}

// runIdle shows each update as it arrives until Ctrl-C; the client then
// sends DONE and reads the tagged answer.
func runIdle(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	how := "idling; updates appear as they come; Ctrl-C to stop"
	if in.Has("duration") {
		d, err := cmdline.ParseDuration(in.Arg("duration"))
		if err != nil {
			return nil, &UsageError{in.Cmd, err.Error()}
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
		how = "idling for " + d.String() + "; updates appear as they come; Ctrl-C stops sooner"
	}
	if s.src.Interactive() {
		s.note(how)
	}
	return s.c.Idle(ctx, s.idleUpdate())
}

// idleUpdate shows a response that came during IDLE, as it comes.
func (s *Session) idleUpdate() func(client.Response) {
	opt := s.renderOptions()
	return func(r client.Response) {
		switch {
		case s.rawStreaming(): // the wire tap prints the lines
		case s.json:
			s.writeJSONLine(render.AppendResponseJSON(nil, r))
		default:
			renderResponse(s.out, r, opt)
			s.markShown(r)
		}
	}
}

// runStore runs STORE: [(UNCHANGEDSINCE n)] OPERATION FLAGS..., where
// several flags without parentheses make one list.
func runStore(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		op, words := in.Arg("operation"), in.List("flags")
		opts := client.StoreOptions{UID: uid}
		if n, ok := cmdline.UnchangedSince(op); ok {
			if len(words) < 2 || !cmdline.IsStoreOp(words[0]) {
				return nil, &UsageError{in.Cmd, "after (UNCHANGEDSINCE n) come the operation and the flags"}
			}
			opts.UnchangedSince = n
			op, words = words[0], words[1:]
		}
		flags := strings.Join(words, " ")
		if len(words) > 1 {
			flags = "(" + flags + ")"
		}
		return s.c.Store(ctx, in.Arg(setArgName(uid)), op, flags, opts)
	}
}
