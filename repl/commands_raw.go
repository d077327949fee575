package repl

import (
	"context"
	"strings"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/internal/cmdline"
)

// Raw protocol access: any command as typed, and imaplib's response and
// recent.
func init() {
	register(
		&Command{Name: "raw", Group: groupRaw, Need: &client.Needs.Xatom, Raw: true,
			Args:    []Arg{{Name: "command", Kind: completion.Rest}},
			Summary: "send any IMAP command as typed (our tag is added) and show every response",
			Help: "raw NOOP\nraw GETQUOTAROOT INBOX\nraw UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12)\n" +
				"The state is not checked: the server judges. Credentials in raw LOGIN or\nAUTHENTICATE lines are masked in history.",
			Run: runRaw},
		&Command{Name: "xatom", Group: groupRaw, Need: &client.Needs.Xatom, Raw: true,
			Args:    []Arg{{Name: "name", Kind: completion.Atom}, {Name: "arguments", Kind: completion.Rest, Optional: true}},
			Summary: "send an extension command with its arguments (imaplib xatom)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Xatom(ctx, strings.ToUpper(in.Arg("name")), in.Arg("arguments"))
			}},
		&Command{Name: "response", Group: groupRaw, Need: &client.Needs.Stored,
			Args:    []Arg{{Name: "code", Kind: completion.Atom, Values: []string{"UIDVALIDITY", "UIDNEXT", "PERMANENTFLAGS", "ALERT", "EXISTS", "RECENT"}}},
			Summary: "show (and forget) the responses or response codes of a name received so far (imaplib response)",
			Run:     runResponse},
		&Command{Name: "recent", Group: groupRaw, Need: &client.Needs.Message,
			Summary: "show RECENT counts received so far, sending NOOP when there are none (imaplib recent)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				resps, err := s.c.Recent(ctx)
				return localResult("RECENT", "", resps...), err
			}},
	)
}

// runRaw sends the rest of the line: the first word (any blank ends it,
// as for the lexer) is the command name.
func runRaw(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	words := cmdline.LexTolerant(in.Arg("command"))
	if len(words) == 0 {
		return nil, &UsageError{in.Cmd, "missing COMMAND"}
	}
	args := ""
	if len(words) > 1 {
		args = in.Arg("command")[words[1].Start:]
	}
	return s.c.Xatom(ctx, strings.ToUpper(words[0].Raw), strings.TrimRight(args, " \t\r\n"))
}

// runResponse collects stored untagged responses of a kind and the
// response codes of that name (shown as OK [CODE ...] lines).
func runResponse(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	name := strings.ToUpper(in.Arg("code"))
	resps := s.c.Responses(name)
	for _, code := range s.c.Codes(name) {
		resps = append(resps, &client.StatusResponse{Status: "OK", Code: code})
	}
	return localResult("RESPONSE", name, resps...), nil
}
