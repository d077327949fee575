package client

import (
	"context"

	"imapsh/client/internal/wire"
)

// GetACL returns a mailbox's access control list (RFC 4314; imaplib getacl).
func (c *Client) GetACL(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "GETACL", "ACL", mailbox)
}

// SetACL sets an identifier's rights (RFC 4314; imaplib setacl); rights may
// start with + or - to add or remove.
func (c *Client) SetACL(ctx context.Context, mailbox, who, rights string) (*Result, error) {
	return c.run(ctx, "SETACL", Needs.ACL, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().AString(who).SP().AString(rights)
	})
}

// DeleteACL removes an identifier's rights (RFC 4314; imaplib deleteacl).
func (c *Client) DeleteACL(ctx context.Context, mailbox, who string) (*Result, error) {
	return c.run(ctx, "DELETEACL", Needs.ACL, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().AString(who)
	})
}

// ListRights asks which rights may be granted to an identifier (RFC 4314).
func (c *Client) ListRights(ctx context.Context, mailbox, who string) (*Result, error) {
	return c.run(ctx, "LISTRIGHTS", Needs.ACL, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().AString(who)
	})
}

// MyRights returns the current user's rights (RFC 4314; imaplib myrights).
func (c *Client) MyRights(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "MYRIGHTS", "ACL", mailbox)
}

// GetQuota returns a quota root's usage and limits (RFC 9208; imaplib
// getquota).
func (c *Client) GetQuota(ctx context.Context, root string) (*Result, error) {
	return c.run(ctx, "GETQUOTA", Needs.Quota, "", func(a *wire.Command) { a.AString(root) })
}

// GetQuotaRoot returns a mailbox's quota roots and their quotas (RFC 9208;
// imaplib getquotaroot).
func (c *Client) GetQuotaRoot(ctx context.Context, mailbox string) (*Result, error) {
	return c.mailboxCommand(ctx, "GETQUOTAROOT", "QUOTA", mailbox)
}

// SetQuota sets a quota root's limits (RFC 9208; imaplib setquota),
// e.g. [{STORAGE 1048576}]; usually an admin command.
func (c *Client) SetQuota(ctx context.Context, root string, limits []QuotaResource) (*Result, error) {
	return c.run(ctx, "SETQUOTA", Needs.Quota, "", func(a *wire.Command) {
		a.AString(root).Raw(" (")
		for i, l := range limits {
			if i > 0 {
				a.SP()
			}
			a.Atom(l.Name).SP().Number(l.Limit)
		}
		a.Raw(")")
	})
}

// GetMetadata reads server or mailbox annotations (RFC 5464); mailbox ""
// means the server. Options such as "MAXSIZE 1024" or "DEPTH infinity".
func (c *Client) GetMetadata(ctx context.Context, mailbox string, entries []string, options string) (*Result, error) {
	return c.run(ctx, "GETMETADATA", Needs.Metadata, "", func(a *wire.Command) {
		if options != "" {
			a.Raw("(").RawArgs(options).Raw(") ")
		}
		c.mailboxArg(a, mailbox)
		a.SP().List(len(entries), func(i int) { a.AString(entries[i]) })
	})
}

// SetMetadata writes annotations (RFC 5464); a nil value deletes one.
func (c *Client) SetMetadata(ctx context.Context, mailbox string, entries []MetadataEntry) (*Result, error) {
	return c.run(ctx, "SETMETADATA", Needs.Metadata, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().List(len(entries), func(i int) { a.AString(entries[i].Name).SP().NString(entries[i].Value) })
	})
}

// GetAnnotation reads annotations with GETANNOTATION, in the syntax of
// draft-daboo-imap-annotatemore-05 that imaplib's getannotation sends
// (Cyrus): entry and attribute patterns,
// always quoted (Cyrus reads them with its quoted-string parser and
// answers BAD "Missing annotation entry" to an atom).
func (c *Client) GetAnnotation(ctx context.Context, mailbox, entry, attribute string) (*Result, error) {
	return c.run(ctx, "GETANNOTATION", Needs.AnnotateMore, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().String(entry).SP().String(attribute)
	})
}

// SetAnnotation writes one annotation entry's attributes with
// SETANNOTATION (draft-daboo-imap-annotatemore-05; imaplib
// setannotation): ("value.shared" "text").
func (c *Client) SetAnnotation(ctx context.Context, mailbox, entry string, attrs []MetadataEntry) (*Result, error) {
	return c.run(ctx, "SETANNOTATION", Needs.AnnotateMore, "", func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		a.SP().String(entry).Raw(" (")
		for i, e := range attrs {
			if i > 0 {
				a.SP()
			}
			a.String(e.Name).SP().NString(e.Value)
		}
		a.Raw(")")
	})
}
