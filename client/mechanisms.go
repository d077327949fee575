package client

import (
	"fmt"
	"strings"

	"github.com/emersion/go-sasl"
)

// Credentials are what a SASL mechanism may need.
type Credentials struct {
	User     string
	Password string // or the OAuth token for XOAUTH2 / OAUTHBEARER
	AuthzID  string // authorization identity (PLAIN, EXTERNAL)
	Host     string // OAUTHBEARER host
	Port     int    // OAUTHBEARER port
}

// Mechanisms lists the SASL mechanisms the client implements, strongest
// first: the order DefaultMechanism prefers.
var Mechanisms = []string{"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN", "OAUTHBEARER", "XOAUTH2", "EXTERNAL", "ANONYMOUS"}

// NewMechanism returns a SASL client for a mechanism name: PLAIN, LOGIN,
// CRAM-MD5 (RFC 2195), SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677;
// scram.go), XOAUTH2, OAUTHBEARER (RFC 7628), EXTERNAL, ANONYMOUS.
func NewMechanism(name string, cred Credentials) (sasl.Client, error) {
	switch strings.ToUpper(name) {
	case "PLAIN":
		return sasl.NewPlainClient(cred.AuthzID, cred.User, cred.Password), nil
	case "LOGIN":
		return &loginMech{user: cred.User, password: cred.Password}, nil
	case "CRAM-MD5":
		return &cramMD5{user: cred.User, password: cred.Password}, nil
	case "SCRAM-SHA-1", "SCRAM-SHA-256":
		return newSCRAM(strings.ToUpper(name), scramHashes[strings.ToUpper(name)], cred)
	case "XOAUTH2":
		return &xoauth2{user: cred.User, token: cred.Password}, nil
	case "OAUTHBEARER":
		return sasl.NewOAuthBearerClient(&sasl.OAuthBearerOptions{Username: cred.User, Token: cred.Password, Host: cred.Host, Port: cred.Port}), nil
	case "EXTERNAL":
		return sasl.NewExternalClient(cred.AuthzID), nil
	case "ANONYMOUS":
		return sasl.NewAnonymousClient(cred.User), nil
	}
	return nil, fmt.Errorf("client: unsupported SASL mechanism %q (supported: %s)", name, strings.Join(Mechanisms, " "))
}

// DefaultMechanism picks the strongest password mechanism the server
// offers in its AUTH= capabilities, or "" when it offers none we know
// (then LOGIN, the command, is the way).
func (c *Client) DefaultMechanism() string {
	for _, m := range []string{"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN"} {
		if c.HasCap("AUTH=" + m) {
			return m
		}
	}
	return ""
}

// xoauth2 is Google's XOAUTH2 mechanism: one initial response; a JSON
// error challenge is answered with an empty response, as Google requires.
type xoauth2 struct{ user, token string }

func (x *xoauth2) Start() (string, []byte, error) {
	return "XOAUTH2", []byte("user=" + x.user + "\x01auth=Bearer " + x.token + "\x01\x01"), nil
}

func (x *xoauth2) Next([]byte) ([]byte, error) { return []byte{}, nil }
