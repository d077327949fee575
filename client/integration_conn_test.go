package client_test

// Integration tests against real Dovecot, Cyrus and Courier: connections (plain,
// STARTTLS, implicit TLS, pins, SASL).
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"os"
	"strings"
	"testing"

	"imapsh/client"
)

func testTLS(t *testing.T, l *lab) {
	cert := labReadCert(t, l.CAFile)
	rightPin := client.PinOf(cert)
	wrongPin := "sha256//" + strings.Repeat("A", 43) + "="
	cases := []struct {
		name    string
		sec     client.Security
		tls     client.TLSOptions
		wantErr string
	}{
		{"starttls with CA", client.StartTLS, l.trusted(), ""},
		{"implicit TLS with CA", client.ImplicitTLS, l.trusted(), ""},
		{"implicit TLS, system roots", client.ImplicitTLS, client.TLSOptions{}, "certificate"},
		{"starttls, system roots", client.StartTLS, client.TLSOptions{}, "certificate"},
		{"right pin with CA", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, Pins: []string{rightPin}}, ""},
		{"right pin, insecure", client.ImplicitTLS, client.TLSOptions{Insecure: true, Pins: []string{wrongPin + ";" + rightPin}}, ""},
		{"wrong pin with CA", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, Pins: []string{wrongPin}}, "does not match"},
		{"wrong pin, insecure", client.StartTLS, client.TLSOptions{Insecure: true, Pins: []string{wrongPin}}, "does not match"},
		{"wrong server name", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, ServerName: "mail.example.org"}, "certificate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := l.dial(t, tc.sec, tc.tls, client.Options{})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want an error with %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !c.IsTLS() {
				t.Fatal("IsTLS false after a TLS dial")
			}
			if c.HasCap("STARTTLS") {
				t.Error("STARTTLS still advertised: capabilities were not re-read over TLS")
			}
			labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
			if c.State() != client.StateAuthenticated {
				t.Fatalf("state %v after LOGIN", c.State())
			}
			labMust(t)(c.Logout(t.Context()))
		})
	}
}

func labReadCert(t *testing.T, file string) *x509.Certificate {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		t.Fatalf("%s: no PEM block", file)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

var labMechanisms = []string{"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256"}

func testSASL(t *testing.T, l *lab) {
	for _, user := range []string{"alice", "carol"} {
		for _, mech := range l.mechanisms() {
			t.Run(user+"/"+mech, func(t *testing.T) {
				c := l.connect(t)
				if !c.HasCap("AUTH=" + mech) {
					t.Fatalf("%s does not offer AUTH=%s: %v", l.Name, mech, c.Caps())
				}
				m, err := client.NewMechanism(mech, client.Credentials{User: user, Password: l.Users[user]})
				if err != nil {
					t.Fatal(err)
				}
				labMust(t)(c.Authenticate(t.Context(), m))
				if c.State() != client.StateAuthenticated {
					t.Fatalf("state %v", c.State())
				}
				labMust(t)(c.Noop(t.Context()))
			})
		}
	}
	t.Run("default mechanism", func(t *testing.T) {
		c := l.connect(t)
		want := "SCRAM-SHA-256"
		if l.lacks("AUTH=SCRAM-SHA-256") {
			want = "CRAM-MD5" // Courier: CRAM-MD5/SHA1/SHA256, PLAIN, LOGIN
		}
		if got := c.DefaultMechanism(); got != want {
			t.Fatalf("DefaultMechanism = %q, want %s", got, want)
		}
		m, _ := client.NewMechanism(c.DefaultMechanism(), client.Credentials{User: "bob", Password: l.Users["bob"]})
		labMust(t)(c.Authenticate(t.Context(), m))
	})
	t.Run("CRAM-MD5 via LoginCRAMMD5", func(t *testing.T) {
		c := l.connect(t)
		labMust(t)(c.LoginCRAMMD5(t.Context(), "bob", l.Users["bob"]))
	})
}

func testLoginUTF8Literal(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: client.TextTrace(&trace)})
	if err != nil {
		t.Fatal(err)
	}
	labMust(t)(c.Login(t.Context(), "carol", l.Users["carol"]))
	if !strings.Contains(trace.String(), "carol {") {
		t.Errorf("the UTF-8 password did not go as a literal:\n%s", trace.String())
	}
}

func testWrongPassword(t *testing.T, l *lab) {
	c := l.connect(t)
	res, err := c.Login(t.Context(), "alice", "not-the-password")
	se := labServerError(t, err, "NO")
	if res == nil || res.OK() {
		t.Fatalf("result %+v", res)
	}
	if l.dovecot && (se.Code == nil || se.Code.Name != "AUTHENTICATIONFAILED") {
		t.Errorf("Dovecot: want [AUTHENTICATIONFAILED], got %+v", se.StatusResponse)
	}
	if c.State() != client.StateNotAuthenticated {
		t.Fatalf("state %v after a failed LOGIN", c.State())
	}
	mech := l.mechanisms()[len(l.mechanisms())-1] // SCRAM-SHA-256, or CRAM-MD5 on Courier
	m, _ := client.NewMechanism(mech, client.Credentials{User: "alice", Password: "wrong"})
	_, err = c.Authenticate(t.Context(), m)
	if err == nil {
		t.Fatalf("%s with a wrong password succeeded", mech)
	}
	labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"])) // the session is still usable
}
