package repl

import (
	"context"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Raw protocol access: any command as typed, and imaplib's response and
// recent.
func init() {
	register(
		&Command{Command: cmdline.Command{Name: "raw", Raw: true,
			Args: []Arg{{Name: "command", Kind: cmdline.Rest}}}, Group: groupRaw, Need: &client.Needs.Xatom,
			Summary: "send any IMAP command as typed (our tag is added) and show every response",
			Help: "raw NOOP\nraw GETQUOTAROOT INBOX\nraw UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12)\n" +
				"The state is not checked: the server judges. Credentials in raw LOGIN or\nAUTHENTICATE lines are masked in history.",
			Run: runRaw},
		&Command{Command: cmdline.Command{Name: "xatom", Raw: true,
			Args: []Arg{{Name: "name", Kind: cmdline.Atom}, {Name: "arguments", Kind: cmdline.Rest, Optional: true}}}, Group: groupRaw, Need: &client.Needs.Xatom,
			Summary: "send an extension command with its arguments (imaplib xatom)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Xatom(ctx, strings.ToUpper(in.Arg("name")), in.Arg("arguments"))
			}},
		&Command{Command: cmdline.Command{Name: "response",
			Args: []Arg{{Name: "code", Kind: cmdline.Atom, Values: []string{"UIDVALIDITY", "UIDNEXT", "PERMANENTFLAGS", "ALERT", "EXISTS", "RECENT"}}}}, Group: groupRaw, Need: &client.Needs.Stored,
			Summary: "show (and forget) the responses or response codes of a name received so far (imaplib response)",
			Run:     runResponse},
		&Command{Command: cmdline.Command{Name: "recent"}, Group: groupRaw, Need: &client.Needs.Message,
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
