package repl

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/completion"
)

// Message commands: RFC 9051 section 6.4 and extensions; each also exists
// as a "uid ..." command working on UIDs.
func init() {
	register(
		&Command{Name: "check", Group: groupMessage, States: client.SelectedState, Pipe: true,
			Summary: "ask for a checkpoint of the selected mailbox",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Check(ctx) }},
		&Command{Name: "close", Group: groupMessage, States: client.SelectedState,
			Summary: "expunge deleted messages and close the mailbox",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.CloseMailbox(ctx) }},
		&Command{Name: "unselect", Group: groupMessage, States: client.SelectedState, Caps: []string{"UNSELECT", "IMAP4rev2"},
			Summary: "close the mailbox without expunging (RFC 3691)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Unselect(ctx) }},
		&Command{Name: "expunge", Group: groupMessage, States: client.SelectedState, Pipe: true,
			Summary: `remove the messages flagged \Deleted`,
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Expunge(ctx, "") }},
		&Command{Name: "uid expunge", Group: groupMessage, States: client.SelectedState, Caps: []string{"UIDPLUS", "IMAP4rev2"}, Pipe: true,
			Args:    []Arg{{Name: "uids", Kind: completion.SeqSet}},
			Summary: `remove the given \Deleted messages only (RFC 4315)`,
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Expunge(ctx, in.Arg("uids"))
			}},
		&Command{Name: "partial", Group: groupMessage, States: client.SelectedState,
			Args: []Arg{{Name: "number", Kind: completion.Number}, {Name: "part", Kind: completion.Atom, Values: []string{"BODY[]", "BODY[TEXT]", "BODY[HEADER]"}},
				{Name: "start", Kind: completion.Number}, {Name: "length", Kind: completion.Number}},
			Summary: "fetch part of a message (the obsolete PARTIAL of RFC 1730)",
			Run:     runPartial},
		&Command{Name: "idle", Group: groupMessage, States: client.AuthOrSelect, Caps: []string{"IDLE", "IMAP4rev2"},
			Summary: "wait for new mail and flag changes, shown live, until Ctrl-C (RFC 2177)",
			Run:     runIdle},
	)
	for _, uid := range []bool{false, true} {
		register(messageCommands(uid)...)
	}
}

// messageCommands returns fetch, store, search, copy, move, sort and
// thread, or their uid variants.
func messageCommands(uid bool) []*Command {
	pre, set, what := "", Arg{Name: "seqset", Kind: completion.SeqSet}, "messages"
	if uid {
		pre, set, what = "uid ", Arg{Name: "uids", Kind: completion.SeqSet}, "messages by UID"
	}
	search := Arg{Name: "criteria", Kind: completion.SearchKeys}
	return []*Command{
		{Name: pre + "fetch", Group: groupMessage, States: client.SelectedState, Out: true, Pipe: true,
			Args:    []Arg{set, {Name: "items", Kind: completion.FetchItems}},
			Summary: "retrieve data of " + what,
			Help: "fetch 1:5 (UID FLAGS ENVELOPE)\nfetch 1:* fast\nfetch 7 BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]\n" +
				"fetch 7 BODY[] > msg.eml     streams the body to a file",
			Run: runFetch(uid)},
		{Name: pre + "store", Group: groupMessage, States: client.SelectedState, Pipe: true,
			Args:    []Arg{set, {Name: "operation", Kind: completion.StoreOp}, {Name: "flags", Kind: completion.Flags, Repeat: true}},
			Summary: "change the flags of " + what,
			Help: "store 1:3 +flags \\Seen\nstore 4 -flags.silent (\\Flagged $Important)\n" +
				"store 5 (UNCHANGEDSINCE 1234) +flags \\Deleted    CONDSTORE (RFC 7162): only if unchanged",
			Run: runStore(uid)},
		{Name: pre + "search", Group: groupMessage, States: client.SelectedState, Pipe: true,
			Args:    []Arg{search},
			Summary: "find " + what,
			Help: "search UNSEEN FROM alice\nsearch SUBJECT \"hello world\" SINCE 1-Mar-2024\n" +
				"search SUBJECT Grüße    non-ASCII words go as strings, with CHARSET UTF-8 unless one is typed;\n" +
				"                        after enable UTF8=ACCEPT no CHARSET is sent or allowed (RFC 6855)\n" +
				"search RETURN (MIN MAX COUNT) ALL    ESEARCH (RFC 4731): compact results",
			Run: runSearch(uid)},
		{Name: pre + "copy", Group: groupMessage, States: client.SelectedState, Pipe: true,
			Args:    []Arg{set, {Name: "mailbox", Kind: completion.Mailbox}},
			Summary: "copy " + what + " to a mailbox",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Copy(ctx, in.Arg(set.Name), in.Arg("mailbox"), uid)
			}},
		{Name: pre + "move", Group: groupMessage, States: client.SelectedState, Caps: []string{"MOVE", "IMAP4rev2"}, Pipe: true,
			Args:    []Arg{set, {Name: "mailbox", Kind: completion.Mailbox}},
			Summary: "move " + what + " to a mailbox (RFC 6851)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Move(ctx, in.Arg(set.Name), in.Arg("mailbox"), uid)
			}},
		{Name: pre + "sort", Group: groupMessage, States: client.SelectedState, Caps: []string{"SORT"}, Pipe: true,
			Args:    []Arg{{Name: "order", Kind: completion.SortKeys}, {Name: "charset", Kind: completion.Atom, Values: []string{"UTF-8", "US-ASCII"}}, search},
			Summary: "search and sort " + what + " (RFC 5256)", Help: "sort (REVERSE DATE) UTF-8 ALL",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				order := strings.TrimSuffix(strings.TrimPrefix(in.Arg("order"), "("), ")")
				return s.c.Sort(ctx, order, in.Arg("charset"), in.Arg("criteria"), uid)
			}},
		{Name: pre + "thread", Group: groupMessage, States: client.SelectedState, Caps: []string{"THREAD=REFERENCES", "THREAD=ORDEREDSUBJECT"}, Pipe: true,
			Args: []Arg{{Name: "algorithm", Kind: completion.Atom, Values: []string{"REFERENCES", "ORDEREDSUBJECT"}},
				{Name: "charset", Kind: completion.Atom, Values: []string{"UTF-8", "US-ASCII"}}, search},
			Summary: "search and thread " + what + " (RFC 5256)", Help: "thread REFERENCES UTF-8 ALL",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Thread(ctx, in.Arg("algorithm"), in.Arg("charset"), in.Arg("criteria"), uid)
			}},
	}
}

func runFetch(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		set := in.Arg("seqset")
		if uid {
			set = in.Arg("uids")
		}
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

// runSearch takes optional RETURN (...) and CHARSET x before the criteria.
func runSearch(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		criteria := in.Arg("criteria")
		opts := client.SearchOptions{UID: uid}
		for {
			toks, err := Lex(criteria)
			if err != nil || len(toks) < 3 {
				break
			}
			switch strings.ToUpper(toks[0].Text) {
			case "RETURN":
				opts.Return = strings.TrimSuffix(strings.TrimPrefix(toks[1].Text, "("), ")")
			case "CHARSET":
				opts.Charset = toks[1].Text
			default:
				return s.c.Search(ctx, criteria, opts)
			}
			criteria = criteria[toks[2].Start:]
		}
		return s.c.Search(ctx, criteria, opts)
	}
}

func runPartial(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	n := func(name string) uint32 { v, _ := parseUint32(in.Arg(name)); return v }
	return s.c.Partial(ctx, n("number"), in.Arg("part"), n("start"), n("length"))
}

// runIdle shows each update as it arrives until Ctrl-C; the client then
// sends DONE and reads the tagged answer.
func runIdle(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if s.src.Interactive() {
		s.note("idling; updates appear as they come; Ctrl-C to stop")
	}
	opt := s.renderOptions()
	return s.c.Idle(ctx, func(r client.Response) {
		switch {
		case s.rawStreaming(): // the wire tap prints the lines
		case s.cfg.JSON:
			s.writeJSONLine(responseJSON(r))
		default:
			renderResponse(s.out, r, opt)
			s.markShown(r)
		}
	})
}

// unchangedSinceRE matches the STORE modifier (UNCHANGEDSINCE n) of RFC 7162.
var unchangedSinceRE = regexp.MustCompile(`(?i)^\(UNCHANGEDSINCE ([0-9]+)\)$`)

// runStore runs STORE: [(UNCHANGEDSINCE n)] OPERATION FLAGS..., where
// several flags without parentheses make one list.
func runStore(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		op, words := in.Arg("operation"), in.List("flags")
		opts := client.StoreOptions{UID: uid}
		if m := unchangedSinceRE.FindStringSubmatch(op); m != nil {
			if len(words) < 2 || !storeOpRE.MatchString(words[0]) {
				return nil, &UsageError{in.Cmd, "after (UNCHANGEDSINCE n) come the operation and the flags"}
			}
			opts.UnchangedSince, _ = strconv.ParseUint(m[1], 10, 64)
			op, words = words[0], words[1:]
		}
		flags := strings.Join(words, " ")
		if len(words) > 1 {
			flags = "(" + flags + ")"
		}
		return s.c.Store(ctx, in.Arg(in.Cmd.Args[0].Name), op, flags, opts)
	}
}
