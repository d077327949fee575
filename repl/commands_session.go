package repl

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/completion"
)

// Session commands: RFC 9051 sections 6.1 and 6.2, and extensions acting
// on the whole connection.
func init() {
	register(
		&Command{Name: "capability", Group: groupSession, States: client.AnyState,
			Summary: "ask for the server's capabilities", Help: "Refreshes the capability list that help and completion use.",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Capability(ctx) }},
		&Command{Name: "noop", Group: groupSession, States: client.AnyState, Pipe: true,
			Summary: "do nothing, collect pending updates (new mail, flag changes)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Noop(ctx) }},
		&Command{Name: "logout", Group: groupSession, States: client.AnyState,
			Summary: "end the session and close the connection", Help: `The shell stays open: \connect or \reconnect starts a new session.`,
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Logout(ctx) }},
		&Command{Name: "starttls", Group: groupSession, States: client.NotAuthOnly, Caps: []string{"STARTTLS"},
			Summary: "switch the connection to TLS (RFC 9051 section 6.2.1)",
			Help:    "imap:// URLs do this on connect already; the certificate is checked against the host name.",
			Run:     runStartTLS},
		&Command{Name: "login", Group: groupSession, States: client.NotAuthOnly,
			Args:    []Arg{{Name: "user", Kind: completion.User}, {Name: "password", Kind: completion.Secret, Optional: true}},
			Summary: "log in with a user name and password (LOGIN)",
			Help:    "Without PASSWORD it is asked for without echo. In scripts write login alice ${IMAP_PASSWORD}.\nThe password never reaches the history, the trace or the output.",
			Run:     runLogin},
		&Command{Name: "login_cram_md5", Group: groupSession, States: client.NotAuthOnly, Caps: []string{"AUTH=CRAM-MD5"},
			Args:    []Arg{{Name: "user", Kind: completion.User}, {Name: "password", Kind: completion.Secret, Optional: true}},
			Summary: "log in with AUTHENTICATE CRAM-MD5 (RFC 2195)",
			Run:     runLoginCRAMMD5},
		&Command{Name: "authenticate", Group: groupSession, States: client.NotAuthOnly,
			Args: []Arg{{Name: "mechanism", Kind: completion.Mechanism}, {Name: "user", Kind: completion.User, Optional: true},
				{Name: "secret", Kind: completion.Secret, Optional: true}},
			Summary: "log in with a SASL mechanism (PLAIN, SCRAM-SHA-256, XOAUTH2, ...)",
			Help:    "authenticate SCRAM-SHA-256 alice\nauthenticate XOAUTH2 alice ${TOKEN}\nThe secret (password or token) is asked for when left out.",
			Run:     runAuthenticate},
		&Command{Name: "proxyauth", Group: groupSession, States: client.StateAuthenticated,
			Args:    []Arg{{Name: "user", Kind: completion.User}},
			Summary: "act as another user (PROXYAUTH, an admin extension)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.ProxyAuth(ctx, in.Arg("user"))
			}},
		&Command{Name: "id", Group: groupSession, States: client.AnyState, Caps: []string{"ID"},
			Args:    []Arg{{Name: "field", Kind: completion.Atom, Optional: true, Repeat: true, Values: []string{"name", "version", "vendor", "os"}}},
			Summary: "exchange client and server identification (RFC 2971)",
			Help:    "id                      sends NIL\nid name imapsh version 1  sends (\"name\" \"imapsh\" \"version\" \"1\")",
			Run:     runID},
		&Command{Name: "enable", Group: groupSession, States: client.StateAuthenticated, Caps: []string{"ENABLE", "IMAP4rev2"},
			Args:    []Arg{{Name: "capability", Kind: completion.Capability}},
			Summary: "turn on extensions such as CONDSTORE or UTF8=ACCEPT (RFC 5161)",
			Help: "enable CONDSTORE\nenable UTF8=ACCEPT   mailbox names are UTF-8 both ways from then on (RFC 6855):\n" +
				"                     shown as the server sends them, sent as quoted UTF-8",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.Enable(ctx, in.List("capability")...)
			}},
		&Command{Name: "compress", Group: groupSession, States: client.AuthOrSelect, Caps: []string{"COMPRESS=DEFLATE"},
			Summary: "compress the rest of the session with DEFLATE (RFC 4978)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Compress(ctx) }},
	)
}

func runStartTLS(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	host := ""
	if s.target != nil {
		host = s.target.Host
	}
	cfg, err := s.cfg.TLS.TLSConfig(host)
	if err != nil {
		return nil, err
	}
	if err := s.c.StartTLS(ctx, cfg); err != nil {
		return nil, err
	}
	return localResult("STARTTLS", "TLS is on"), nil
}

// localResult is an OK result for a command whose answer is not a Result.
func localResult(name, text string, resps ...client.Response) *client.Result {
	return &client.Result{Command: name, Status: &client.StatusResponse{Status: "OK", Text: text}, Responses: resps}
}

// runLogin is LOGIN (RFC 9051 section 6.2.3).
func runLogin(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	return s.passwordLogin(ctx, in, s.c.Login)
}

// runLoginCRAMMD5 is AUTHENTICATE CRAM-MD5 (RFC 2195).
func runLoginCRAMMD5(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	return s.passwordLogin(ctx, in, s.c.LoginCRAMMD5)
}

// passwordLogin logs in as USER with PASSWORD (asked for when left out)
// through login, and shows the user in the prompt.
func (s *Session) passwordLogin(ctx context.Context, in *Input, login func(ctx context.Context, user, password string) (*client.Result, error)) (*client.Result, error) {
	pw, err := s.secret(in, "password")
	if err != nil {
		return nil, err
	}
	res, err := login(ctx, in.Arg("user"), pw)
	s.afterLogin(res, in.Arg("user"))
	return res, err
}

func runAuthenticate(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	mech := strings.ToUpper(in.Arg("mechanism"))
	cred := client.Credentials{User: in.Arg("user")}
	if s.target != nil {
		cred.Host, cred.Port = s.target.Host, s.target.Port
	}
	if mech != "EXTERNAL" && mech != "ANONYMOUS" {
		pw, err := s.secret(in, "secret")
		if err != nil {
			return nil, err
		}
		cred.Password = pw
	}
	sc, err := client.NewMechanism(mech, cred)
	if err != nil {
		return nil, err
	}
	res, err := s.c.Authenticate(ctx, sc)
	s.afterLogin(res, cred.User)
	return res, err
}

// secret returns a secret argument, or asks for it without echo.
func (s *Session) secret(in *Input, name string) (string, error) {
	if in.Has(name) {
		return in.Arg(name), nil
	}
	pr, ok := s.src.(PasswordReader)
	if !ok || !s.src.Interactive() {
		return "", &UsageError{in.Cmd, "missing " + strings.ToUpper(name) + " (no terminal to ask for it)"}
	}
	return pr.ReadPassword(strings.ToUpper(name[:1]) + name[1:] + ": ")
}

// afterLogin shows the user in the prompt.
func (s *Session) afterLogin(res *client.Result, user string) {
	if !res.OK() || user == "" {
		return
	}
	if s.target == nil {
		s.target = &Target{}
	}
	s.target.User = user
}

func runID(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	words := in.List("field")
	if len(words) == 0 {
		return s.c.ID(ctx, nil)
	}
	if len(words)%2 != 0 {
		return nil, &UsageError{in.Cmd, fmt.Sprintf("fields come in pairs (name value), got %d words", len(words))}
	}
	params := make([]client.MetadataEntry, 0, len(words)/2)
	for i := 0; i < len(words); i += 2 {
		params = append(params, client.MetadataEntry{Name: words[i], Value: nilOr(words[i+1])})
	}
	return s.c.ID(ctx, params)
}

// nilOr maps the word NIL to nil.
func nilOr(v string) *string {
	if strings.EqualFold(v, "NIL") {
		return nil
	}
	return &v
}
