package client

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testPKI is a CA and a leaf it signed for localhost and 127.0.0.1.
type testPKI struct {
	caPEM []byte
	leaf  tls.Certificate
	chain []*x509.Certificate
}

func newTestPKI(t *testing.T) testPKI {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	now := time.Now()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), DNSNames: []string{"localhost"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return testPKI{
		caPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		leaf:  tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf},
		chain: []*x509.Certificate{leaf},
	}
}

// TestVerifyChain: with a CA file the chain is checked as crypto/tls does
// (name included); a CA the file does not hold is an unknown authority
// even after the system roots are tried.
func TestVerifyChain(t *testing.T) {
	pki, other := newTestPKI(t), newTestPKI(t)
	var unknown x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	tests := []struct {
		name string
		pem  []byte
		host string
		want any // nil, &unknown or &hostErr
	}{
		{"signed by the CA file", pki.caPEM, "localhost", nil},
		{"an IP address", pki.caPEM, "127.0.0.1", nil},
		{"no name checked", pki.caPEM, "", nil},
		{"another name", pki.caPEM, "mail.example.org", &hostErr},
		{"another CA", other.caPEM, "localhost", &unknown},
		{"no CA file", nil, "localhost", &unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := verifyChain(pki.chain, tt.host, tt.pem)
			switch want := tt.want.(type) {
			case nil:
				if err != nil {
					t.Errorf("verifyChain = %v, want nil", err)
				}
			default:
				if !errors.As(err, want) {
					t.Errorf("verifyChain = %v (%T), want %T", err, err, want)
				}
			}
		})
	}
}

// TestCAFileHandshake: a TLS handshake with --cafile verifies the server
// (name and chain), and a refusal is the usual CertificateVerificationError;
// --insecure skips it, a pin is checked after the chain.
func TestCAFileHandshake(t *testing.T) {
	pki := newTestPKI(t)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(caFile, pki.caPEM, 0o600)
	pin := PinOf(pki.leaf.Leaf)
	tests := []struct {
		name   string
		opts   TLSOptions
		host   string
		wantOK bool
	}{
		{"trusted", TLSOptions{CAFile: caFile}, "localhost", true},
		{"wrong name", TLSOptions{CAFile: caFile}, "mail.example.org", false},
		{"wrong name, insecure", TLSOptions{CAFile: caFile, Insecure: true}, "mail.example.org", true},
		{"trusted, pinned", TLSOptions{CAFile: caFile, Pins: []string{pin}}, "localhost", true},
		{"trusted, another pin", TLSOptions{CAFile: caFile, Pins: []string{"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}}, "localhost", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := tt.opts.TLSConfig(tt.host)
			if err != nil {
				t.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0") // not net.Pipe: a refusing client and the server would both block writing
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			go func() {
				theirs, err := ln.Accept()
				if err != nil {
					return
				}
				srv := tls.Server(theirs, &tls.Config{Certificates: []tls.Certificate{pki.leaf}})
				srv.Handshake()
				srv.Close()
			}()
			ours, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer ours.Close()
			ours.SetDeadline(time.Now().Add(10 * time.Second))
			err = tls.Client(ours, cfg).Handshake()
			if (err == nil) != tt.wantOK {
				t.Fatalf("handshake: %v, want ok %v", err, tt.wantOK)
			}
			var cv *tls.CertificateVerificationError
			if err != nil && !errors.As(err, &cv) && !errors.Is(err, ErrPinMismatch) {
				t.Errorf("error %v (%T): want a CertificateVerificationError or ErrPinMismatch", err, err)
			}
		})
	}
}

// TestCAFileErrors: a missing CA file or one without a certificate is an
// error when the config is built, before any connection.
func TestCAFileErrors(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.pem")
	os.WriteFile(empty, []byte("no certificate here\n"), 0o600)
	for _, file := range []string{filepath.Join(t.TempDir(), "missing.pem"), empty} {
		if _, err := (TLSOptions{CAFile: file}).TLSConfig("localhost"); err == nil {
			t.Errorf("TLSConfig with CA file %s: no error", file)
		}
	}
}
