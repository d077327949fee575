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
	// CAFile adds the PEM certificates of a file to the trusted roots.
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
	if o.CAFile != "" {
		pool, err := loadPool(o.CAFile)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = pool
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
		cfg.VerifyConnection = func(cs tls.ConnectionState) error { return checkPins(cs, pins) }
	}
	return cfg, nil
}

func loadPool(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("client: CA file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("client: CA file %s holds no PEM certificate", file)
	}
	return pool, nil
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
