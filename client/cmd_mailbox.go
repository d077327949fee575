package client

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client/internal/wire"
)

// SelectOptions are the optional parameters of SELECT and EXAMINE.
type SelectOptions struct {
	ReadOnly  bool     // EXAMINE instead of SELECT
	CondStore bool     // (CONDSTORE), RFC 7162 section 3.1.8
	QResync   *QResync // (QRESYNC (...)), RFC 7162 section 3.2.5 (select_params.go)
}

// Select opens a mailbox (RFC 9051 sections 6.3.2 and 6.3.3; imaplib
// select with readonly). The client's Mailbox tracks its state. The
// CONDSTORE and QRESYNC parameters are refused locally when the server
// does not announce them, QRESYNC also before ENABLE QRESYNC
// (ErrQResyncNotEnabled) or with values RFC 7162 does not allow
// (ErrBadQResync). A QRESYNC select's VANISHED (EARLIER) and FETCH
// responses are in the Result.
func (c *Client) Select(ctx context.Context, mailbox string, opts SelectOptions) (*Result, error) {
	name := "SELECT"
	if opts.ReadOnly {
		name = "EXAMINE"
	}
	if err := c.checkSelect(name, opts); err != nil {
		return nil, err
	}
	prev := c.mbox
	c.mbox = &Mailbox{Name: mailbox, ReadOnly: opts.ReadOnly, Opened: opts}
	res, err := c.run(ctx, name, Needs.Select, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		selectParams(a, opts)
	})
	switch {
	case res.OK():
		c.state = StateSelected
	case res != nil && res.Status != nil:
		c.mbox, c.state = nil, StateAuthenticated // RFC 9051: a failed SELECT deselects
	default:
		c.mbox = prev
	}
	return res, err
}

// mailboxCommand runs a command whose only argument is a mailbox.
func (c *Client) mailboxCommand(ctx context.Context, name string, cap Cap, mailbox string) (*Result, error) {
	return c.run(ctx, name, Needs.Mailbox, cap, func(a *wire.Command) { c.mailboxArg(a, mailbox) })
}

// Create creates a mailbox (RFC 9051 section 6.3.4; imaplib create);
// specialUse, if given, asks for USE (\Sent ...) (RFC 6154
// CREATE-SPECIAL-USE), which is refused locally with a *CapabilityError
// when the server does not announce that extension: a server without it
// would create a plain mailbox or answer BAD. Each use must be a
// \-flag (RFC 6154 use-attr); another word is refused locally, since
// "create Foo Bar" meant a mailbox "Foo Bar", not Foo with the use Bar.
func (c *Client) Create(ctx context.Context, mailbox string, specialUse ...string) (*Result, error) {
	var cap Cap
	if len(specialUse) > 0 {
		cap = CapCreateSpecialUse
	}
	for _, use := range specialUse {
		if !isFlagExtension(use) {
			return nil, fmt.Errorf("client: CREATE: special use %q is not a \\-flag such as \\Sent (RFC 6154)", use)
		}
	}
	return c.run(ctx, "CREATE", Needs.Mailbox, cap, func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		if len(specialUse) > 0 {
			a.Raw(" (USE ").List(len(specialUse), func(i int) { a.Atom(specialUse[i]) }).Raw(")")
		}
	})
}

// isFlagExtension reports whether s is "\\" atom (RFC 9051
// flag-extension, which RFC 6154's use-attr is).
func isFlagExtension(s string) bool {
	if len(s) < 2 || s[0] != '\\' {
		return false
	}
	return !strings.ContainsFunc(s[1:], func(r rune) bool {
		return r <= ' ' || r >= 0x7f || strings.ContainsRune(`(){%*"\\]`, r) // atom-specials
	})
}

// Delete deletes a mailbox (RFC 9051 section 6.3.5; imaplib delete).
func (c *Client) Delete(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "DELETE", "", mailbox)
}

// Rename renames a mailbox (RFC 9051 section 6.3.6; imaplib rename).
func (c *Client) Rename(ctx context.Context, from, to string) (*Result, error) {
	return c.run(ctx, "RENAME", Needs.Mailbox, "", func(a *wire.Command) {
		c.mailboxArg(a, from)
		a.SP()
		c.mailboxArg(a, to)
	})
}

// Subscribe adds a mailbox to the subscriptions (RFC 9051 section 6.3.7;
// imaplib subscribe).
func (c *Client) Subscribe(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "SUBSCRIBE", "", mailbox)
}

// Unsubscribe removes a subscription (RFC 9051 section 6.3.8; imaplib
// unsubscribe).
func (c *Client) Unsubscribe(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "UNSUBSCRIBE", "", mailbox)
}

// ListOptions carry LIST-EXTENDED selection and return options (RFC 5258,
// RFC 5819 LIST-STATUS, RFC 6154 SPECIAL-USE), e.g. Select "SUBSCRIBED",
// Return "CHILDREN STATUS (MESSAGES UNSEEN)", as IMAP text with or
// without their parentheses ("()" sends an empty list), and more patterns.
type ListOptions struct {
	Select string
	Return string
	// More are patterns after the first: the patterns then go as one
	// list, LIST "" ("INBOX" "Sent*") (RFC 5258 section 3).
	More []string
}

// listOptionCaps are the capabilities LIST's selection and return options
// need beyond LIST-EXTENDED: STATUS (RFC 5819), SPECIAL-USE (RFC 6154),
// MYRIGHTS (RFC 8440), METADATA (RFC 9590).
var listOptionCaps = map[string]Cap{
	"STATUS": CapListStatus, "SPECIAL-USE": CapSpecialUse,
	"MYRIGHTS": CapListMyRights, "METADATA": CapListMetadata,
}

// caps are the capabilities the options need: LIST-EXTENDED for any, then
// each option's own (listOptionCaps).
func (o ListOptions) caps() []Cap {
	caps := optionCaps(append(optionNames(o.Select), optionNames(o.Return)...), listOptionCaps)
	if o.Select != "" || o.Return != "" || len(o.More) > 0 {
		caps = append([]Cap{CapListExtended}, caps...)
	}
	return caps
}

// List lists mailboxes (RFC 9051 section 6.3.9; imaplib list). The
// pattern may use * and %; names are UTF-8 here and modified UTF-7 on the
// wire.
//
// Selection and return options and several patterns need LIST-EXTENDED
// (RFC 5258; part of IMAP4rev2) and are refused locally without it, as
// are options whose own capability is not announced (listOptionCaps):
// Courier-IMAP 5.0, which lacks LIST-EXTENDED, ignores LIST (SUBSCRIBED)
// and lists every mailbox.
func (c *Client) List(ctx context.Context, ref, pattern string, opts ListOptions) (*Result, error) {
	if err := c.checkOptions("LIST", Needs.Mailbox, opts.caps()...); err != nil {
		return nil, err
	}
	return c.run(ctx, "LIST", Needs.Mailbox, "", func(a *wire.Command) {
		if opts.Select != "" {
			groupArg(a, opts.Select)
			a.SP()
		}
		c.mailboxArg(a, ref)
		a.SP()
		c.listPatterns(a, append([]string{pattern}, opts.More...))
		if opts.Return != "" {
			a.Raw(" RETURN ")
			groupArg(a, opts.Return)
		}
	})
}

// listPatterns sends one pattern, or several as a list.
func (c *Client) listPatterns(a *wire.Command, patterns []string) {
	if len(patterns) == 1 {
		c.listPattern(a, patterns[0])
		return
	}
	a.List(len(patterns), func(i int) { c.listPattern(a, patterns[i]) })
}

// listPattern sends a pattern: wildcards are list-chars, allowed bare.
func (c *Client) listPattern(a *wire.Command, pattern string) {
	enc := pattern
	if !a.UTF8 {
		enc = wire.EncodeMailbox(pattern)
	}
	if enc != "" && !strings.ContainsAny(enc, " \"\\(){}\r\n\x00") && isASCII(enc) {
		a.Raw(enc)
		return
	}
	a.String(enc)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return false
		}
	}
	return true
}

// Lsub lists subscribed mailboxes (RFC 3501 section 6.3.9; imaplib lsub).
func (c *Client) Lsub(ctx context.Context, ref, pattern string) (*Result, error) {
	return c.run(ctx, "LSUB", Needs.Mailbox, "", func(a *wire.Command) {
		c.mailboxArg(a, ref)
		a.SP()
		c.listPattern(a, pattern)
	})
}

// Status asks for mailbox counters without selecting it (RFC 9051 section
// 6.3.11; imaplib status); items such as MESSAGES UIDNEXT UNSEEN.
func (c *Client) Status(ctx context.Context, mailbox string, items []string) (*Result, error) {
	return c.run(ctx, "STATUS", Needs.Mailbox, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().List(len(items), func(i int) { a.Atom(items[i]) })
	})
}

// Namespace asks for the namespaces (RFC 2342, RFC 9051 section 6.3.10;
// imaplib namespace).
func (c *Client) Namespace(ctx context.Context) (*Result, error) {
	return c.run(ctx, "NAMESPACE", Needs.Namespace, "", nil)
}

// Unselect closes the mailbox without expunging (RFC 3691; imaplib
// unselect).
func (c *Client) Unselect(ctx context.Context) (*Result, error) {
	res, err := c.run(ctx, "UNSELECT", Needs.Unselect, "", nil)
	if res.OK() {
		c.mbox, c.state = nil, StateAuthenticated
	}
	return res, err
}
