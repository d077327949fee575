package client

import (
	"context"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"imapsh/client/clienttest"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestSCRAMVectors replays the examples of RFC 7677 section 3 (SHA-256,
// without SASL-IR: an empty "+" first) and RFC 5802 section 5 (SHA-1,
// with SASL-IR), byte for byte, and checks the server was verified.
func TestSCRAMVectors(t *testing.T) {
	tests := []struct {
		mech, caps, nonce, serverFirst, clientFinal, serverFinal string
	}{
		{"SCRAM-SHA-256", "AUTH=SCRAM-SHA-256", "rOprNGfwEbeRWgbNEkqO",
			"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
			"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
			"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="},
		{"SCRAM-SHA-1", "AUTH=SCRAM-SHA-1 SASL-IR", "fyko+d2lbbFgONRv9qkxdawL",
			"r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
			"c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
			"v=rmF9pqV8S7suAoZWja4dJRkFsKQ="},
	}
	for _, tt := range tests {
		t.Run(tt.mech, func(t *testing.T) {
			fixNonce(t, tt.nonce)
			first := b64("n,,n=user,r=" + tt.nonce)
			start := "C: A1 AUTHENTICATE " + tt.mech + "\nS: + \nC: " + first + "\n"
			if strings.Contains(tt.caps, "SASL-IR") {
				start = "C: A1 AUTHENTICATE " + tt.mech + " " + first + "\n"
			}
			c := serveSCRAM(t, tt.caps, start+
				"S: + "+b64(tt.serverFirst)+"\nC: "+b64(tt.clientFinal)+"\n"+
				"S: + "+b64(tt.serverFinal)+"\nC: \nS: A1 OK [CAPABILITY IMAP4rev1] done\n")
			mech, err := NewMechanism(tt.mech, Credentials{User: "user", Password: "pencil"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Authenticate(context.Background(), mech); err != nil {
				t.Fatal(err)
			}
			if c.State() != StateAuthenticated {
				t.Errorf("state %v", c.State())
			}
		})
	}
}

// TestSCRAMRefusals: server-first messages the client must not answer
// with a proof, and server-final messages it must not accept.
func TestSCRAMRefusals(t *testing.T) {
	tests := []struct{ name, serverFirst, serverFinal, want string }{
		{"too few iterations", "r=abcXYZ,s=" + b64("salt") + ",i=4095", "", "fewer than the 4096"},
		{"too many iterations", "r=abcXYZ,s=" + b64("salt") + ",i=2147483647", "", "more than the 1200000"},
		{"iteration count not a number", "r=abcXYZ,s=" + b64("salt") + ",i=lots", "", "bad iteration count"},
		{"nonce not extended", "r=abc,s=" + b64("salt") + ",i=4096", "", "does not extend"},
		{"foreign nonce", "r=xyzXYZ,s=" + b64("salt") + ",i=4096", "", "does not extend"},
		{"mandatory extension", "m=ext,r=abcXYZ,s=" + b64("salt") + ",i=4096", "", "extension"},
		{"salt not base64", "r=abcXYZ,s=!!,i=4096", "", "bad salt"},
		{"server error", "r=abcXYZ,s=" + b64("salt") + ",i=4096", "e=invalid-proof", "invalid-proof"},
		{"wrong signature", "r=abcXYZ,s=" + b64("salt") + ",i=4096", "v=" + b64("nope"), "signature is wrong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fixNonce(t, "abc")
			s, err := newSCRAM("SCRAM-SHA-256", sha256.New, Credentials{User: "u", Password: "p"})
			if err != nil {
				t.Fatal(err)
			}
			s.Start()
			_, err = s.nextContext(context.Background(), []byte(tt.serverFirst))
			if err == nil && tt.serverFinal != "" {
				_, err = s.nextContext(context.Background(), []byte(tt.serverFinal))
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if s.serverVerified() == nil {
				t.Error("server counted as verified")
			}
		})
	}
}

// TestSCRAMNames: user and authorization names are SASLprepped and
// escaped (RFC 5802 section 5.1); a password SASLprep refuses is not
// quoted in the error.
func TestSCRAMNames(t *testing.T) {
	fixNonce(t, "n0")
	s, err := newSCRAM("SCRAM-SHA-1", sha1.New, Credentials{User: "a,b=c", AuthzID: "admin", Password: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, first, _ := s.Start(); string(first) != "n,a=admin,n=a=2Cb=3Dc,r=n0" {
		t.Errorf("client-first %q", first)
	}
	_, err = newSCRAM("SCRAM-SHA-1", sha1.New, Credentials{User: "u", Password: "se\u0007cret"})
	if err == nil || strings.Contains(err.Error(), "se") && strings.Contains(err.Error(), "cret") {
		t.Errorf("err = %v, want a refusal that does not quote the password", err)
	}
}

// TestHiMatchesPBKDF2: hi is PBKDF2 with one block.
func TestHiMatchesPBKDF2(t *testing.T) {
	got, err := hi(context.Background(), sha256.New, []byte("pencil"), []byte("salt"), 10000)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := pbkdf2.Key(sha256.New, "pencil", []byte("salt"), 10000, 32)
	if string(got) != string(want) {
		t.Errorf("hi = %x, want %x", got, want)
	}
}

// BenchmarkHiAtCap is the most a server can make the client compute.
func BenchmarkHiAtCap(b *testing.B) {
	for _, name := range []string{"SCRAM-SHA-1", "SCRAM-SHA-256"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				hi(context.Background(), scramHashes[name], []byte("pencil"), []byte("salt"), scramMaxIter[name])
			}
		})
	}
}

func fixNonce(t *testing.T, nonce string) {
	old := scramNonce
	scramNonce = func() string { return nonce }
	t.Cleanup(func() { scramNonce = old })
}

func serveSCRAM(t *testing.T, caps, transcript string) *Client {
	conn := clienttest.Serve(t, "S: * OK [CAPABILITY IMAP4rev1 "+caps+"] hi\n"+transcript)
	c, err := New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
