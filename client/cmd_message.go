package client

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client/internal/wire"
)

// uidName prefixes a command with "UID " for the UID variant.
func uidName(uid bool, name string) string {
	if uid {
		return "UID " + name
	}
	return name
}

// setArg appends a sequence set after validating it.
func setArg(a *wire.Command, set string) {
	if !ValidSet(set) {
		a.Fail(fmt.Errorf("%w: %q", ErrBadSet, set))
		return
	}
	a.Raw(set)
}

// ErrBadSet is a sequence set that is not one (RFC 9051 sequence-set).
var ErrBadSet = errors.New("client: not a valid sequence set")

// Check asks for a checkpoint (RFC 3501 section 6.4.1; imaplib check).
func (c *Client) Check(ctx context.Context) (*Result, error) {
	return c.run(ctx, "CHECK", Needs.Message, "", nil)
}

// CloseMailbox expunges and closes the selected mailbox: the IMAP CLOSE
// command (RFC 9051 section 6.4.1; imaplib close).
func (c *Client) CloseMailbox(ctx context.Context) (*Result, error) {
	res, err := c.run(ctx, "CLOSE", Needs.Message, "", nil)
	if res.OK() {
		c.mbox, c.state = nil, StateAuthenticated
	}
	return res, err
}

// Expunge removes \Deleted messages (RFC 9051 section 6.4.3; imaplib
// expunge); with uids set, UID EXPUNGE (RFC 4315 UIDPLUS).
func (c *Client) Expunge(ctx context.Context, uids string) (*Result, error) {
	if uids == "" {
		return c.run(ctx, "EXPUNGE", Needs.Message, "", nil)
	}
	return c.run(ctx, "UID EXPUNGE", Needs.UIDExpunge, "", func(a *wire.Command) { setArg(a, uids) })
}

// SearchOptions select the search variant.
type SearchOptions struct {
	UID     bool
	Charset string // CHARSET argument, e.g. UTF-8
	// Return are the ESEARCH return options (RFC 4731) as IMAP text, with
	// or without their parentheses: "MIN MAX COUNT", "(PARTIAL -1:-50)"
	// (RFC 9394), "SAVE" (RFC 5182); "()" asks for an ESEARCH answer with
	// ALL; "" sends no RETURN.
	Return string
}

// Search finds messages (RFC 9051 section 6.4.4; imaplib search and
// uid('SEARCH')). Criteria are IMAP search keys as typed; strings with
// 8-bit text, quoted or not, go as literals, or as quoted UTF-8 in UTF-8
// mode (SearchArgs). Non-ASCII criteria without a Charset get CHARSET
// UTF-8, except after ENABLE UTF8=ACCEPT, when they are UTF-8 anyway and
// a Charset is refused (ErrCharsetAfterUTF8, RFC 6855 section 3).
// RETURN needs ESEARCH, and its options what returnCaps says (PARTIAL,
// SEARCHRES, CONTEXT=SEARCH).
func (c *Client) Search(ctx context.Context, criteria string, opts SearchOptions) (*Result, error) {
	name := uidName(opts.UID, "SEARCH")
	if err := c.checkSearch(name, Needs.Message, opts.Return, false); err != nil {
		return nil, err
	}
	charset, err := c.searchCharset(opts.Charset, criteria)
	if err != nil {
		return nil, err
	}
	return c.run(ctx, name, Needs.Message, "", func(a *wire.Command) {
		returnArg(a, opts.Return)
		if charset != "" {
			a.Raw("CHARSET ").Atom(charset).SP()
		}
		a.SearchArgs(criteria)
	})
}

// ErrCharsetAfterUTF8 refuses a SEARCH with CHARSET after ENABLE
// UTF8=ACCEPT, which RFC 6855 section 3 forbids (the server should answer
// BAD; Courier-IMAP answers NO), and a SORT or THREAD with a charset other
// than UTF-8 (Courier answers BAD [BADCHARSET]): search strings are UTF-8
// in such a session.
var ErrCharsetAfterUTF8 = errors.New("client: after ENABLE UTF8=ACCEPT, SEARCH takes no CHARSET and SORT and THREAD only UTF-8 (RFC 6855 section 3)")

// searchCharset is the CHARSET a SEARCH sends: the one given; UTF-8 for
// non-ASCII criteria without one (the default charset is US-ASCII, RFC 3501
// section 6.4.4); none after ENABLE UTF8=ACCEPT, where one given is an
// error.
func (c *Client) searchCharset(given, criteria string) (string, error) {
	switch {
	case c.Enabled("UTF8=ACCEPT") && given != "":
		return "", ErrCharsetAfterUTF8
	case c.Enabled("UTF8=ACCEPT"), given != "", !has8bit(criteria):
		return given, nil
	}
	return "UTF-8", nil
}

// has8bit reports whether s holds a byte with the high bit set.
func has8bit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// FetchOptions select the fetch variant and where body data goes.
type FetchOptions struct {
	UID          bool
	ChangedSince uint64 // (CHANGEDSINCE n), RFC 7162
	Vanished     bool   // (VANISHED) with UID FETCH, RFC 7162 QRESYNC
	// Sink streams body sections to writers instead of memory.
	Sink SectionSink
	// Each, when set, receives every FETCH as it is parsed and the Result
	// does not keep it: constant memory for huge mailboxes.
	Each func(*FetchData)
}

// Fetch retrieves message data (RFC 9051 section 6.4.5; imaplib fetch and
// uid('FETCH')). Items are as typed: a macro (ALL, FAST, FULL), one item, or
// a parenthesised list such as (UID FLAGS BODY.PEEK[HEADER]).
//
// CHANGEDSINCE needs CONDSTORE and VANISHED needs QRESYNC (RFC 7162); they
// are refused locally when the server does not announce them.
func (c *Client) Fetch(ctx context.Context, set, items string, opts FetchOptions) (*Result, error) {
	var cap Cap
	switch {
	case opts.Vanished:
		cap = CapQResync
	case opts.ChangedSince > 0:
		cap = CapCondStore
	}
	if err := c.check(uidName(opts.UID, "FETCH"), Needs.Message, cap); err != nil {
		return nil, err
	}
	cmd := &command{name: uidName(opts.UID, "FETCH"), args: &wire.Command{}, sink: opts.Sink}
	setArg(cmd.args, set)
	cmd.args.SP().RawArgs(items)
	if mods := fetchModifiers(opts); mods != "" {
		cmd.args.Raw(" (" + mods + ")")
	}
	if opts.Each != nil {
		cmd.each = func(r Response) bool {
			f, ok := r.(*FetchData)
			if ok {
				opts.Each(f)
			}
			return ok
		}
	}
	return c.execute(ctx, cmd)
}

func fetchModifiers(opts FetchOptions) string {
	var mods []string
	if opts.ChangedSince > 0 {
		mods = append(mods, fmt.Sprintf("CHANGEDSINCE %d", opts.ChangedSince))
	}
	if opts.Vanished {
		mods = append(mods, "VANISHED")
	}
	return strings.Join(mods, " ")
}

// StoreOptions select the store variant.
type StoreOptions struct {
	UID            bool
	UnchangedSince uint64 // (UNCHANGEDSINCE n), RFC 7162
}

// Store changes flags (RFC 9051 section 6.4.6; imaplib store and
// uid('STORE')). op is FLAGS, +FLAGS, -FLAGS, optionally with .SILENT;
// flags is a flag or a parenthesised list. UNCHANGEDSINCE needs CONDSTORE
// and is refused locally without it.
func (c *Client) Store(ctx context.Context, set, op, flags string, opts StoreOptions) (*Result, error) {
	var cap Cap
	if opts.UnchangedSince > 0 {
		cap = CapCondStore
	}
	return c.run(ctx, uidName(opts.UID, "STORE"), Needs.Message, cap, func(a *wire.Command) {
		setArg(a, set)
		a.SP()
		if opts.UnchangedSince > 0 {
			a.Raw(fmt.Sprintf("(UNCHANGEDSINCE %d) ", opts.UnchangedSince))
		}
		a.Atom(op).SP().RawArgs(flags)
	})
}

// Copy copies messages to a mailbox (RFC 9051 section 6.4.7; imaplib copy
// and uid('COPY')). With UIDPLUS the OK carries [COPYUID ...].
func (c *Client) Copy(ctx context.Context, set, mailbox string, uid bool) (*Result, error) {
	return c.transfer(ctx, "COPY", Needs.Message, set, mailbox, uid)
}

// Move moves messages to a mailbox (RFC 6851 MOVE; uid('MOVE')).
func (c *Client) Move(ctx context.Context, set, mailbox string, uid bool) (*Result, error) {
	return c.transfer(ctx, "MOVE", Needs.Move, set, mailbox, uid)
}

func (c *Client) transfer(ctx context.Context, name string, need Need, set, mailbox string, uid bool) (*Result, error) {
	return c.run(ctx, uidName(uid, name), need, "", func(a *wire.Command) {
		setArg(a, set)
		a.SP()
		c.mailboxArg(a, mailbox)
	})
}

// Sort searches and sorts (RFC 5256 SORT; imaplib sort and uid('SORT')):
// criteria like "REVERSE DATE", charset like UTF-8 (SORT always names
// one), search keys as typed, 8-bit words as strings (see Search).
func (c *Client) Sort(ctx context.Context, criteria, charset, search string, uid bool) (*Result, error) {
	return c.SortWith(ctx, criteria, charset, search, SortOptions{UID: uid})
}

// Thread searches and threads (RFC 5256 THREAD; imaplib thread and
// uid('THREAD')): algorithm REFERENCES or ORDEREDSUBJECT; charset and
// search keys as for Sort. It needs Needs.Thread's state and the server's
// THREAD= capability for that algorithm.
func (c *Client) Thread(ctx context.Context, algorithm, charset, search string, uid bool) (*Result, error) {
	need := Need{States: Needs.Thread.States, Caps: []Cap{Cap("THREAD=" + strings.ToUpper(algorithm))}}
	if err := c.checkSortCharset(uidName(uid, "THREAD"), need, charset); err != nil {
		return nil, err
	}
	return c.run(ctx, uidName(uid, "THREAD"), need, "", func(a *wire.Command) {
		a.Atom(algorithm).SP().Atom(charset).SP().SearchArgs(search)
	})
}

// checkSortCharset checks state and capability, then that a SORT or
// THREAD charset is UTF-8 after ENABLE UTF8=ACCEPT (ErrCharsetAfterUTF8).
func (c *Client) checkSortCharset(name string, need Need, charset string) error {
	if err := c.check(name, need, ""); err != nil {
		return err
	}
	if c.Enabled("UTF8=ACCEPT") && !strings.EqualFold(charset, "UTF-8") {
		return ErrCharsetAfterUTF8
	}
	return nil
}

// Partial fetches part of a message with the obsolete PARTIAL command
// (RFC 1730; imaplib partial).
func (c *Client) Partial(ctx context.Context, num uint32, part string, start, length uint32) (*Result, error) {
	return c.run(ctx, "PARTIAL", Needs.Message, "", func(a *wire.Command) {
		a.Number(uint64(num)).SP().Atom(part).SP().Number(uint64(start)).SP().Number(uint64(length))
	})
}

// Recent returns the RECENT responses received so far (RFC 3501 section
// 7.3.2; IMAP4rev2 has none), sending NOOP (RFC 9051 section 6.1.2) when
// there are none (imaplib recent).
func (c *Client) Recent(ctx context.Context) ([]Response, error) {
	if err := c.check("RECENT", Needs.Message, ""); err != nil {
		return nil, err
	}
	if got := c.Responses("RECENT"); len(got) > 0 {
		return got, nil
	}
	res, err := c.Noop(ctx)
	if res == nil {
		return nil, err
	}
	var out []Response
	for _, r := range res.Responses {
		if r.Kind() == "RECENT" {
			out = append(out, r)
		}
	}
	return out, err
}
