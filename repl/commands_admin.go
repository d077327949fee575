package repl

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Access control (RFC 4314), quota (RFC 9208), METADATA (RFC 5464) and
// the draft ANNOTATEMORE commands imaplib has.
func init() {
	mailbox := Arg{Name: "mailbox", Kind: cmdline.Mailbox}
	who := Arg{Name: "identifier", Kind: cmdline.Identifier}
	register(
		&Command{Command: cmdline.Command{Name: "getacl", Args: []Arg{mailbox}}, Group: groupAdmin, Need: &client.Needs.ACL,
			Summary: "show a mailbox's access control list",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.GetACL(ctx, in.Arg("mailbox"))
			}},
		&Command{Command: cmdline.Command{Name: "setacl",
			Args: []Arg{mailbox, who, {Name: "rights", Kind: cmdline.Rights}}}, Group: groupAdmin, Need: &client.Needs.ACL,
			Summary: "grant rights to an identifier", Help: "setacl Shared bob lrs\nsetacl Shared bob +w    adds, -w removes",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.SetACL(ctx, in.Arg("mailbox"), in.Arg("identifier"), in.Arg("rights"))
			}},
		&Command{Command: cmdline.Command{Name: "deleteacl", Args: []Arg{mailbox, who}}, Group: groupAdmin, Need: &client.Needs.ACL,
			Summary: "remove an identifier from the access control list",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.DeleteACL(ctx, in.Arg("mailbox"), in.Arg("identifier"))
			}},
		&Command{Command: cmdline.Command{Name: "listrights", Args: []Arg{mailbox, who}}, Group: groupAdmin, Need: &client.Needs.ACL,
			Summary: "show which rights may be granted to an identifier",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.ListRights(ctx, in.Arg("mailbox"), in.Arg("identifier"))
			}},
		&Command{Command: cmdline.Command{Name: "myrights", Args: []Arg{mailbox}}, Group: groupAdmin, Need: &client.Needs.ACL,
			Summary: "show your rights on a mailbox",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.MyRights(ctx, in.Arg("mailbox"))
			}},
		&Command{Command: cmdline.Command{Name: "getquota",
			Args: []Arg{{Name: "root", Kind: cmdline.Atom}}}, Group: groupAdmin, Need: &client.Needs.Quota,
			Summary: "show a quota root's usage and limits",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.GetQuota(ctx, in.Arg("root"))
			}},
		&Command{Command: cmdline.Command{Name: "getquotaroot", Args: []Arg{mailbox}}, Group: groupAdmin, Need: &client.Needs.Quota,
			Summary: "show a mailbox's quota roots with usage bars",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.GetQuotaRoot(ctx, in.Arg("mailbox"))
			}},
		&Command{Command: cmdline.Command{Name: "setquota",
			Args: []Arg{{Name: "root", Kind: cmdline.Atom}, {Name: "limits", Kind: cmdline.Rest}}}, Group: groupAdmin, Need: &client.Needs.Quota,
			Summary: "set a quota root's limits (usually admin only)", Help: "setquota user/alice (STORAGE 1048576 MESSAGE 10000)",
			Run: runSetQuota},
		&Command{Command: cmdline.Command{Name: "getmetadata",
			Args: []Arg{mailbox, {Name: "entries", Kind: cmdline.Rest}}}, Group: groupAdmin, Need: &client.Needs.Metadata,
			Summary: "read annotations (RFC 5464); mailbox \"\" is the server",
			Help: "getmetadata INBOX /private/comment\ngetmetadata \"\" (DEPTH infinity) /shared\n" +
				"getmetadata (MAXSIZE 1024) INBOX (/private/comment /shared/comment)",
			Run: runGetMetadata},
		&Command{Command: cmdline.Command{Name: "setmetadata",
			Args: []Arg{mailbox, {Name: "entries", Kind: cmdline.Rest}}}, Group: groupAdmin, Need: &client.Needs.Metadata,
			Summary: "write annotations (RFC 5464); NIL deletes one",
			Help:    "setmetadata INBOX /private/comment \"my inbox\"",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				entries, err := pairs(in, in.List("entries"))
				if err != nil {
					return nil, err
				}
				return s.c.SetMetadata(ctx, in.Arg("mailbox"), entries)
			}},
		&Command{Command: cmdline.Command{Name: "getannotation",
			Args: []Arg{mailbox, {Name: "entry", Kind: cmdline.Atom}, {Name: "attribute", Kind: cmdline.Atom, Values: []string{"value.shared", "value.priv", "*"}}}}, Group: groupAdmin, Need: &client.Needs.AnnotateMore,
			Summary: "read annotations in the draft ANNOTATEMORE syntax (Cyrus)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.GetAnnotation(ctx, in.Arg("mailbox"), in.Arg("entry"), in.Arg("attribute"))
			}},
		&Command{Command: cmdline.Command{Name: "setannotation",
			Args: []Arg{mailbox, {Name: "entry", Kind: cmdline.Atom}, {Name: "attributes", Kind: cmdline.Rest}}}, Group: groupAdmin, Need: &client.Needs.AnnotateMore,
			Summary: "write annotation attributes in the draft ANNOTATEMORE syntax",
			Help:    "setannotation INBOX /comment value.shared \"team inbox\"",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				attrs, err := pairs(in, in.List("attributes"))
				if err != nil {
					return nil, err
				}
				return s.c.SetAnnotation(ctx, in.Arg("mailbox"), in.Arg("entry"), attrs)
			}},
	)
}

// pairs reads NAME VALUE pairs, bare or as one parenthesised list as on
// the wire (RFC 5464's (/private/comment "text")); the value NIL is nil.
func pairs(in *Input, words []string) ([]client.MetadataEntry, error) {
	if len(words) == 1 && cmdline.IsGroup(words[0]) {
		var err error
		if words, err = metadataWords(in, cmdline.LexTolerant(words[0])); err != nil {
			return nil, err
		}
	}
	if len(words) == 0 || len(words)%2 != 0 {
		return nil, &UsageError{in.Cmd, "want NAME VALUE pairs"}
	}
	var out []client.MetadataEntry
	for i := 0; i < len(words); i += 2 {
		out = append(out, client.MetadataEntry{Name: words[i], Value: nilOr(words[i+1])})
	}
	return out, nil
}

func runSetQuota(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	words := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(in.Arg("limits")))
	if len(words)%2 != 0 {
		return nil, &UsageError{in.Cmd, "want RESOURCE LIMIT pairs, e.g. (STORAGE 1048576)"}
	}
	var limits []client.QuotaResource
	for i := 0; i < len(words); i += 2 {
		n, err := strconv.ParseUint(words[i+1], 10, 64)
		if err != nil {
			return nil, &UsageError{in.Cmd, fmt.Sprintf("%q is not a number", words[i+1])}
		}
		limits = append(limits, client.QuotaResource{Name: strings.ToUpper(words[i]), Limit: n})
	}
	return s.c.SetQuota(ctx, in.Arg("root"), limits)
}

// runGetMetadata sends GETMETADATA (RFC 5464). The options may be typed
// before the mailbox, where RFC 5464's grammar puts them (errata 2785),
// or after it; the entries bare or as one parenthesised list, as on the
// wire. A mailbox typed as an unquoted list is taken for the options.
func runGetMetadata(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	toks, err := cmdline.Lex(in.Arg("entries"))
	if err != nil {
		return nil, &UsageError{in.Cmd, err.Error()}
	}
	mailbox, options := in.Arg("mailbox"), ""
	switch {
	case !in.Quoted("mailbox") && cmdline.IsGroup(mailbox) && len(toks) > 0:
		options, mailbox = mailbox, toks[0].Text
		toks = toks[1:]
	case len(toks) > 0 && cmdline.IsGroup(toks[0].Raw) && !isEntryList(toks[0].Raw):
		options = toks[0].Raw
		toks = toks[1:]
	}
	entries, err := metadataWords(in, toks)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, &UsageError{in.Cmd, "missing ENTRIES"}
	}
	options = strings.TrimSuffix(strings.TrimPrefix(options, "("), ")")
	return s.c.GetMetadata(ctx, mailbox, entries, options)
}

// isEntryList reports whether a parenthesised list holds entry names
// (which start with /private or /shared) rather than options.
func isEntryList(group string) bool {
	items, err := cmdline.Items(group)
	return err == nil && len(items) > 0 && strings.HasPrefix(items[0].Text, "/")
}

// metadataWords returns the words of toks, a parenthesised list read as
// its elements: (/private/comment "my inbox") as typed on the wire.
func metadataWords(in *Input, toks []cmdline.Token) ([]string, error) {
	var words []string
	for _, t := range toks {
		if t.Quoted || !cmdline.IsGroup(t.Raw) {
			words = append(words, t.Text)
			continue
		}
		items, err := cmdline.Items(t.Raw)
		if err != nil {
			return nil, &UsageError{in.Cmd, err.Error()}
		}
		for _, it := range items {
			if it.IsList {
				return nil, &UsageError{in.Cmd, fmt.Sprintf("unexpected list %s", it.Text)}
			}
			words = append(words, it.Text)
		}
	}
	return words, nil
}
