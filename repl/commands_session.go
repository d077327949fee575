package repl

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Session commands: RFC 9051 sections 6.1 and 6.2, and extensions acting
// on the whole connection.
func init() {
	register(
		&Command{Command: cmdline.Command{Name: "capability"}, Group: groupSession, Need: &client.Needs.Capability,
			Summary: "ask for the server's capabilities", Help: "Refreshes the capability list that help and completion use.",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Capability(ctx) }},
		&Command{Command: cmdline.Command{Name: "noop"}, Group: groupSession, Need: &client.Needs.Noop, Pipe: true,
			Summary: "do nothing, collect pending updates (new mail, flag changes)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Noop(ctx) }},
		&Command{Command: cmdline.Command{Name: "logout"}, Group: groupSession, Closes: true, Need: &client.Needs.Logout,
			Summary: "end the session and close the connection", Help: `The shell stays open: \connect or \reconnect starts a new session.`,
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Logout(ctx) }},
		&Command{Command: cmdline.Command{Name: "starttls"}, Group: groupSession, Need: &client.Needs.StartTLS,
			Summary: "switch the connection to TLS (RFC 9051 section 6.2.1)",
			Help:    "imap:// URLs do this on connect already; the certificate is checked against the host name.",
			Run:     runStartTLS},
		&Command{Command: cmdline.Command{Name: "login",
			Args: []Arg{{Name: "user", Kind: cmdline.User}, {Name: "password", Kind: cmdline.Secret, Optional: true}}}, Group: groupSession, Need: &client.Needs.Login,
			Summary: "log in with a user name and password (LOGIN)",
			Help:    "Without PASSWORD it is asked for without echo. In scripts write login alice ${IMAP_PASSWORD}.\nThe password never reaches the history, the trace or the output.",
			Run:     runLogin},
		&Command{Command: cmdline.Command{Name: "login_cram_md5",
			Args: []Arg{{Name: "user", Kind: cmdline.User}, {Name: "password", Kind: cmdline.Secret, Optional: true}}}, Group: groupSession, Need: &client.Needs.LoginCRAMMD5,
			Summary: "log in with AUTHENTICATE CRAM-MD5 (RFC 2195)",
			Run:     runLoginCRAMMD5},
		&Command{Command: cmdline.Command{Name: "authenticate",
			Args: []Arg{{Name: "mechanism", Kind: cmdline.Mechanism}, {Name: "user", Kind: cmdline.User, Optional: true},
				{Name: "secret", Kind: cmdline.Secret, Optional: true}}}, Group: groupSession, Need: &client.Needs.Authenticate,
			Summary: "log in with a SASL mechanism (PLAIN, SCRAM-SHA-256, XOAUTH2, ...)",
			Help:    "authenticate SCRAM-SHA-256 alice\nauthenticate XOAUTH2 alice ${TOKEN}\nThe secret (password or token) is asked for when left out.",
			Run:     runAuthenticate},
		&Command{Command: cmdline.Command{Name: "proxyauth",
			Args: []Arg{{Name: "user", Kind: cmdline.User}}}, Group: groupSession, Need: &client.Needs.ProxyAuth,
			Summary: "act as another user (PROXYAUTH, an admin extension)",
			Run: func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
				return s.c.ProxyAuth(ctx, in.Arg("user"))
			}},
		&Command{Command: cmdline.Command{Name: "id",
			Args: []Arg{{Name: "field", Kind: cmdline.Atom, Optional: true, Repeat: true, Values: []string{"name", "version", "vendor", "os"}}}}, Group: groupSession, Need: &client.Needs.ID,
			Summary: "exchange client and server identification (RFC 2971)",
			Help:    "id                      sends NIL\nid name imapsh version 1  sends (\"name\" \"imapsh\" \"version\" \"1\")",
			Run:     runID},
		&Command{Command: cmdline.Command{Name: "enable",
			Args: []Arg{{Name: "capability", Kind: cmdline.Capability}}}, Group: groupSession, Need: &client.Needs.Enable,
			Summary: "turn on extensions such as CONDSTORE or UTF8=ACCEPT (RFC 5161)",
			Help: "enable CONDSTORE\nenable UTF8=ACCEPT   mailbox names are UTF-8 both ways from then on (RFC 6855):\n" +
				"                     shown as the server sends them, sent as quoted UTF-8",
			Run: runEnable},
		&Command{Command: cmdline.Command{Name: "compress"}, Group: groupSession, Need: &client.Needs.Compress,
			Summary: "compress the rest of the session with DEFLATE (RFC 4978)",
			Run:     func(ctx context.Context, s *Session, in *Input) (*client.Result, error) { return s.c.Compress(ctx) }},
	)
}

// runEnable sends ENABLE (RFC 5161) and names what it asked for that is
// not on afterwards: a server answers OK without an ENABLED for an
// extension it does not have (section 3.1), so "OK Enabled" alone would
// read as if UTF8=ACCEPT were on.
func runEnable(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	caps := in.List("capability")
	res, err := s.c.Enable(ctx, caps...)
	if err != nil || !res.OK() {
		return res, err
	}
	var off []string
	for _, c := range caps {
		if !s.c.Enabled(c) {
			off = append(off, c)
		}
	}
	if len(off) > 0 {
		s.note("not enabled: " + strings.Join(off, " ") + " (the server sent no ENABLED for it; capability lists what it has)")
	}
	return res, err
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
	if !noSecret(mech) {
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
