package cli

import (
	"context"
	"errors"
	"io"
	"testing"

	"imapsh/client"
)

func TestPasswordsOrder(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvPassword {
				return v
			}
			return ""
		}
	}
	prompt := func(p string) (string, error) { return "prompted:" + p, nil }
	tests := []struct {
		name string
		p    *Passwords
		want string
		err  error
	}{
		{"command first", &Passwords{Command: "echo fromcmd", Getenv: env("fromenv"), Prompt: prompt}, "fromcmd", nil},
		{"env next", &Passwords{Getenv: env("fromenv"), Prompt: prompt}, "fromenv", nil},
		{"prompt last", &Passwords{Getenv: env(""), Prompt: prompt}, "prompted:password for alice@h:143: ", nil},
		{"none", &Passwords{Getenv: env("")}, "", ErrNoPassword},
	}
	for _, tt := range tests {
		got, err := tt.p.Get(context.Background(), "alice", "h:143")
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: Get = %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func TestPasswordsRemembered(t *testing.T) {
	p := &Passwords{Command: "echo fromcmd"}
	p.Remember("alice", "h:993", "fromurl")
	if got, _ := p.Get(context.Background(), "alice", "h:993"); got != "fromurl" {
		t.Errorf("remembered account: got %q", got)
	}
	if got, _ := p.Get(context.Background(), "bob", "h:993"); got != "fromcmd" {
		t.Errorf("other account must not get the remembered password: got %q", got)
	}
}

func TestRunPasswordCommand(t *testing.T) {
	tests := []struct {
		cmd, want string
		fails     bool
	}{
		{`printf 'p@ss w0rd\nsecond line\n'`, "p@ss w0rd", false},
		{`printf 'crlf\r\n'`, "crlf", false},
		{`printf 'no newline'`, "no newline", false},
		{`printf '\n'`, "", true},
		{`exit 3`, "", true},
	}
	for _, tt := range tests {
		got, err := RunPasswordCommand(context.Background(), tt.cmd)
		if got != tt.want || (err != nil) != tt.fails {
			t.Errorf("RunPasswordCommand(%q) = %q, %v", tt.cmd, got, err)
		}
	}
}

func TestSplitURLPassword(t *testing.T) {
	tests := []struct {
		url, stripped, password string
		ok                      bool
	}{
		{"imaps://alice:s3cret@h/INBOX", "imaps://alice@h/INBOX", "s3cret", true},
		{"imap://alice;AUTH=PLAIN:p%40ss@h:143", "imap://alice;AUTH=PLAIN@h:143", "p@ss", true},
		{"imaps://alice:a@b@h/x@y", "imaps://alice@h/x@y", "a@b", true},
		{"imaps://alice@h", "imaps://alice@h", "", false},
		{"imaps://alice:@h", "imaps://alice:@h", "", false},
		{"imaps://h/a:b@c", "imaps://h/a:b@c", "", false},
		{"not a url", "not a url", "", false},
		{"alice:s3cret@h:993/INBOX", "alice@h:993/INBOX", "s3cret", true},
		{"h:993", "h:993", "", false},
	}
	for _, tt := range tests {
		stripped, pw, ok := SplitURLPassword(tt.url)
		if stripped != tt.stripped || pw != tt.password || ok != tt.ok {
			t.Errorf("SplitURLPassword(%q) = %q, %q, %v", tt.url, stripped, pw, ok)
		}
	}
}

// TestPasswordsKeptForReconnect: the password a session logged in with
// is used again for the same account without asking; another account,
// or a refused password, asks again (issue 11, defect 7).
func TestPasswordsKeptForReconnect(t *testing.T) {
	asked := 0
	p := &Passwords{Getenv: noEnv, Prompt: func(string) (string, error) { asked++; return "typed", nil }}
	get := func(user string) string {
		pw, err := p.Get(context.Background(), user, "h:993")
		if err != nil {
			t.Fatal(err)
		}
		return pw
	}
	p.Keep("alice", "h:993", get("alice"))
	p.Switch("alice", "h:993")
	if pw := get("alice"); pw != "typed" || asked != 1 {
		t.Errorf("reconnect: got %q after %d prompts, want the kept password and no prompt", pw, asked)
	}
	p.Switch("bob", "h:993")
	get("alice")
	if asked != 2 {
		t.Errorf("after a session to another account the password is still kept (%d prompts)", asked)
	}
	p.Keep("alice", "h:993", "typed")
	p.Drop()
	get("alice")
	if asked != 3 {
		t.Errorf("a refused password is still kept (%d prompts)", asked)
	}
}

// TestConnectorKeepsThePassword: after a login with a prompted password
// a second Connect to the same account asks nothing; a connection to
// another account forgets it.
func TestConnectorKeepsThePassword(t *testing.T) {
	e := startDemo(t)
	e.User = "demo"
	asked := 0
	c := &Connector{Stderr: io.Discard, Passwords: &Passwords{Getenv: noEnv,
		Prompt: func(string) (string, error) { asked++; return "demo", nil }}}
	for range 2 {
		cl, err := c.Connect(context.Background(), e)
		if err != nil || cl.State() != client.StateAuthenticated {
			t.Fatalf("connect: %v", err)
		}
		cl.Close()
	}
	if asked != 1 {
		t.Errorf("asked %d times for the password, want once", asked)
	}
	other := e
	other.User = "nobody"
	if cl, _ := c.Connect(context.Background(), other); cl != nil {
		cl.Close()
	}
	if cl, _ := c.Connect(context.Background(), e); cl != nil {
		cl.Close()
	}
	if asked != 3 {
		t.Errorf("asked %d times, want 3: the other account and then demo again", asked)
	}
}
