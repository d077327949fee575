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
			Help:    "getmetadata INBOX /private/comment\ngetmetadata \"\" (DEPTH infinity) /shared\ngetmetadata (DEPTH 1) INBOX (/private/comment /shared/comment)    as in RFC 5464",
			Run:     runGetMetadata},
		&Command{Command: cmdline.Command{Name: "setmetadata",
			Args: []Arg{mailbox, {Name: "entries", Kind: cmdline.Rest}}}, Group: groupAdmin, Need: &client.Needs.Metadata,
			Summary: "write annotations (RFC 5464); NIL deletes one",
			Help:    "setmetadata INBOX /private/comment \"my inbox\"\nsetmetadata INBOX (/private/comment \"my inbox\" /shared/comment NIL)    as in RFC 5464",
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

// pairs reads NAME VALUE pairs, bare or in one parenthesized list as
// IMAP writes them (RFC 5464 SETMETADATA, ANNOTATEMORE SETANNOTATION);
// the value NIL is nil.
func pairs(in *Input, words []string) ([]client.MetadataEntry, error) {
	if len(words) == 1 && isGroup(words[0]) {
		toks, err := cmdline.Lex(groupInside(words[0]))
		if err != nil {
			return nil, &UsageError{in.Cmd, err.Error()}
		}
		words = tokenTexts(toks)
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

// runGetMetadata runs GETMETADATA (RFC 5464 section 4.2): the options
// typed after the mailbox, or before it as IMAP writes them, and the
// entries bare or in one parenthesized list.
func runGetMetadata(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	toks, err := cmdline.Lex(in.Arg("entries"))
	if err != nil {
		return nil, &UsageError{in.Cmd, err.Error()}
	}
	mailbox, options := in.Arg("mailbox"), ""
	switch {
	case !in.Quoted("mailbox") && isGroup(mailbox) && len(toks) > 0: // GETMETADATA (DEPTH 1) INBOX /private
		options, mailbox, toks = groupInside(mailbox), toks[0].Text, toks[1:]
	case len(toks) > 0 && isGroup(toks[0].Raw) && !strings.HasPrefix(groupInside(toks[0].Raw), "/"):
		options, toks = groupInside(toks[0].Raw), toks[1:]
	}
	if len(toks) == 1 && isGroup(toks[0].Raw) { // (/private/comment /shared/comment)
		if toks, err = cmdline.Lex(groupInside(toks[0].Raw)); err != nil {
			return nil, &UsageError{in.Cmd, err.Error()}
		}
	}
	if len(toks) == 0 {
		return nil, &UsageError{in.Cmd, "missing ENTRIES"}
	}
	return s.c.GetMetadata(ctx, mailbox, tokenTexts(toks), options)
}

// isGroup reports whether a word is one parenthesized list.
func isGroup(w string) bool { return strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") }

// groupInside is what a parenthesized list holds, blanks trimmed.
func groupInside(w string) string { return strings.TrimSpace(w[1 : len(w)-1]) }

// tokenTexts is the value of each token.
func tokenTexts(toks []cmdline.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}
