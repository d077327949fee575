package client

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
)

// TLSOptions configure certificate checks. By default the system roots
// verify the server's certificate for the host the user typed (SNI), with
// TLS 1.2 as the minimum.
type TLSOptions struct {
	// CAFile adds the PEM certificates of a file to the trusted roots. A
	// server they verify is trusted without loading the system roots.
	CAFile string
	// Pins are SHA-256 public-key pins in curl's sha256//BASE64 form; when
	// set, the server's key must match one of them.
	Pins []string
	// Insecure skips certificate verification (pins are still checked).
	Insecure bool
	// CertFile and KeyFile give a client certificate (PEM).
	CertFile, KeyFile string
	// ServerName overrides the name checked and sent as SNI.
	ServerName string
}

// TLSConfig builds a *tls.Config for host from the options.
func (o TLSOptions) TLSConfig(host string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12, InsecureSkipVerify: o.Insecure}
	if o.ServerName != "" {
		cfg.ServerName = o.ServerName
	}
	var verify func(tls.ConnectionState) error
	if o.CAFile != "" && !o.Insecure {
		pem, err := readCAFile(o.CAFile)
		if err != nil {
			return nil, err
		}
		verify = verifyWithCAFile(cfg.ServerName, pem) // in place of crypto/tls's own check
		cfg.InsecureSkipVerify = true
	}
	if o.CertFile != "" || o.KeyFile != "" {
		cert, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("client: client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	if len(o.Pins) > 0 {
		pins, err := parsePins(o.Pins)
		if err != nil {
			return nil, err
		}
		verify = joinChecks(verify, func(cs tls.ConnectionState) error { return checkPins(cs, pins) })
	}
	cfg.VerifyConnection = verify
	return cfg, nil
}

// joinChecks runs first (when set), then second.
func joinChecks(first, second func(tls.ConnectionState) error) func(tls.ConnectionState) error {
	if first == nil {
		return second
	}
	return func(cs tls.ConnectionState) error {
		if err := first(cs); err != nil {
			return err
		}
		return second(cs)
	}
}

// readCAFile reads a --cafile and checks that it holds a certificate.
func readCAFile(file string) ([]byte, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("client: CA file: %w", err)
	}
	if !x509.NewCertPool().AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("client: CA file %s holds no PEM certificate", file)
	}
	return pem, nil
}

// verifyWithCAFile is the connection's check of the server's chain for
// name when a CA file is given (verifyChain), wrapped as crypto/tls wraps
// its own verification errors.
func verifyWithCAFile(name string, pem []byte) func(tls.ConnectionState) error {
	return func(cs tls.ConnectionState) error {
		if err := verifyChain(cs.PeerCertificates, name, pem); err != nil {
			return &tls.CertificateVerificationError{UnverifiedCertificates: cs.PeerCertificates, Err: err}
		}
		return nil
	}
}

// VerifyChain checks a server's certificate chain (leaf first) as the
// connection does, for the host name or IP address name ("" checks no
// name): against the CA file's certificates and, when they do not verify
// it, the system roots. The probe uses it to say whether a certificate is
// trusted.
func (o TLSOptions) VerifyChain(chain []*x509.Certificate, name string) error {
	var pem []byte
	if o.CAFile != "" {
		var err error
		if pem, err = readCAFile(o.CAFile); err != nil {
			return err
		}
	}
	return verifyChain(chain, name, pem)
}

// verifyChain checks chain for name as crypto/tls does (x509 Verify: the
// server-auth key usage, the name), against the certificates of pem first
// and, only if they do not verify it, against the system roots and them.
// Loading the system roots costs about 4 MiB and 15 ms that a server signed
// by the CA file (a lab, a private CA) never needs; a server the system
// trusts still verifies with --cafile set, as --cafile only adds roots.
func verifyChain(chain []*x509.Certificate, name string, pem []byte) error {
	if len(chain) == 0 {
		return errors.New("the server sent no certificate")
	}
	opts := x509.VerifyOptions{DNSName: name, Intermediates: x509.NewCertPool(), Roots: x509.NewCertPool()}
	for _, c := range chain[1:] {
		opts.Intermediates.AddCert(c)
	}
	var unknown x509.UnknownAuthorityError
	if len(pem) > 0 && opts.Roots.AppendCertsFromPEM(pem) {
		_, err := chain[0].Verify(opts)
		if !errors.As(err, &unknown) {
			return err
		}
	}
	roots, err := x509.SystemCertPool()
	if err != nil {
		roots = x509.NewCertPool()
	}
	roots.AppendCertsFromPEM(pem)
	opts.Roots = roots
	_, err = chain[0].Verify(opts)
	return err
}

// parsePins decodes sha256//BASE64 pins (several may be joined with ';').
func parsePins(list []string) ([][]byte, error) {
	var pins [][]byte
	for _, item := range list {
		for _, p := range strings.Split(item, ";") {
			b64, ok := strings.CutPrefix(strings.TrimSpace(p), "sha256//")
			raw, err := base64.StdEncoding.DecodeString(b64)
			if !ok || err != nil || len(raw) != sha256.Size {
				return nil, fmt.Errorf("client: bad pin %q: want sha256//BASE64 of the public key's SHA-256", p)
			}
			pins = append(pins, raw)
		}
	}
	return pins, nil
}

// ErrPinMismatch: the server's public key matches none of the pins.
var ErrPinMismatch = errors.New("client: server public key does not match the pinned key")

func checkPins(cs tls.ConnectionState, pins [][]byte) error {
	if len(cs.PeerCertificates) == 0 {
		return ErrPinMismatch
	}
	sum := sha256.Sum256(cs.PeerCertificates[0].RawSubjectPublicKeyInfo)
	for _, p := range pins {
		if string(p) == string(sum[:]) {
			return nil
		}
	}
	return fmt.Errorf("%w (server key is sha256//%s)", ErrPinMismatch, base64.StdEncoding.EncodeToString(sum[:]))
}

// PinOf returns the sha256//BASE64 pin of a certificate's public key.
func PinOf(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return "sha256//" + base64.StdEncoding.EncodeToString(sum[:])
}
