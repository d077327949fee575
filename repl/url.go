package repl

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/internal/redact"
)

// Target is where to connect, parsed from a URL by ParseURL:
//
//	imaps://[user[;AUTH=MECH]@]host[:port][/mailbox]  implicit TLS, default port 993
//	imap://[user[;AUTH=MECH]@]host[:port][/mailbox]   STARTTLS required, default 143
//	[user[;AUTH=MECH]@]host[:port][/mailbox]          imap:// for port 143, else imaps://
type Target struct {
	URL      string          // as typed, password removed
	Security client.Security // client.ImplicitTLS / client.StartTLS / client.Plaintext
	Host     string
	Port     int
	User     string
	Mech     string   // from ;AUTH=, "" = best offered
	Mailbox  string   // UTF-8, "" = none
	Stream   []string // argv for --stream (Host empty then)
}

// URLForms explains the accepted URL forms, for errors and help.
const URLForms = "imaps://[user@]host[:port][/mailbox] (TLS, port 993), imap://[user@]host[:port][/mailbox] (STARTTLS, port 143), or host[:port] (imap:// for port 143, else imaps://)"

// ParseURL parses an imap:// or imaps:// URL (RFC 5092 subset), or a
// bare [user@]host[:port][/mailbox] (see WithScheme). A password in the
// URL is refused: it would end up in history and in ps.
func ParseURL(s string) (*Target, error) {
	s = WithScheme(s)
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error quotes the URL, password included
		}
		return nil, fmt.Errorf("bad URL %q: %v", redact.URL(s), err)
	}
	t := &Target{URL: s}
	switch strings.ToLower(u.Scheme) {
	case "imaps":
		t.Security, t.Port = client.ImplicitTLS, 993
	case "imap":
		t.Security, t.Port = client.StartTLS, 143
	default:
		return nil, fmt.Errorf("bad URL %q: want %s", redact.URL(s), URLForms)
	}
	if err := t.setUser(u); err != nil {
		return nil, err
	}
	if err := t.setHost(u); err != nil {
		return nil, err
	}
	t.Mailbox = strings.Trim(u.Path, "/")
	return t, nil
}

// WithScheme gives a URL without "://" the scheme its port implies:
// "host:143" becomes imap://host:143 (the IMAP port: STARTTLS), any other
// port, or none, imaps:// (implicit TLS, RFC 8314 section 3.3 prefers it;
// 993 by default). A URL with a scheme, or one that starts like
// "imap:"/"imaps:" (a mistyped scheme), is returned as it is.
func WithScheme(s string) string {
	lower := strings.ToLower(s)
	if strings.Contains(s, "://") || strings.HasPrefix(lower, "imap:") || strings.HasPrefix(lower, "imaps:") {
		return s
	}
	authority, _, _ := strings.Cut(s, "/")
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	if _, port, err := net.SplitHostPort(authority); err == nil && port == "143" {
		return "imap://" + s
	}
	return "imaps://" + s
}

func (t *Target) setUser(u *url.URL) error {
	if u.User == nil {
		return nil
	}
	if _, has := u.User.Password(); has {
		return fmt.Errorf("bad URL: a password in the URL is not accepted; use IMAPSH_PASSWORD, --password-command or the prompt")
	}
	name := u.User.Username()
	if i := strings.Index(strings.ToUpper(name), ";AUTH="); i >= 0 {
		name, t.Mech = name[:i], name[i+len(";AUTH="):]
	}
	if t.Mech == "*" {
		t.Mech = ""
	}
	t.User = name
	return nil
}

func (t *Target) setHost(u *url.URL) error {
	t.Host = u.Hostname()
	if t.Host == "" {
		return fmt.Errorf("bad URL %q: no host; want %s", t.URL, URLForms)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return fmt.Errorf("bad URL %q: the port must be a number from 1 to 65535, not %q", t.URL, p)
		}
		t.Port = n
	}
	return nil
}

// Addr returns host:port for dialling.
func (t *Target) Addr() string { return net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) }

// place is the "user@host" part of the prompt; "host" until logged in.
func (t *Target) place(loggedIn bool) string {
	host := t.Host
	if len(t.Stream) > 0 {
		host = "stream"
	}
	if t.User == "" || !loggedIn {
		return host
	}
	return t.User + "@" + host
}
