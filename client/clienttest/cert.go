package clienttest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testCert is the server certificate, generated once per process.
var testCert = sync.OnceValue(generateCert)

// certificate holds the generated certificate in the forms tests need.
type certificate struct {
	pair tls.Certificate
	pem  []byte
	pool *x509.CertPool
}

// generateCert makes a self-signed ECDSA certificate for localhost and
// 127.0.0.1 that is its own root. It panics only if crypto/rand fails.
func generateCert() certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic("clienttest: generating key: " + err.Error())
	}
	now := time.Now()
	template := &x509.Certificate{
		SerialNumber:          big.NewInt(now.UnixNano()),
		Subject:               pkix.Name{CommonName: "localhost", Organization: []string{"imapsh clienttest"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		panic("clienttest: creating certificate: " + err.Error())
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		panic("clienttest: parsing certificate: " + err.Error())
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return certificate{
		pair: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf},
		pem:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pool: pool,
	}
}

// RootCAs returns a pool holding the fake server's certificate, for the
// client's tls.Config.RootCAs (with ServerName "localhost" or "127.0.0.1").
func RootCAs() *x509.CertPool {
	return testCert().pool.Clone()
}

// CAFile writes the fake server's certificate as PEM to a file in t.TempDir()
// and returns its path, for clients configured with a CA file.
func CAFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clienttest-ca.pem")
	if err := os.WriteFile(path, testCert().pem, 0o600); err != nil {
		t.Fatalf("clienttest: writing CA file: %v", err)
	}
	return path
}

// serverTLSConfig is the server side of !starttls and ListenTLS.
func serverTLSConfig() *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{testCert().pair},
		MinVersion:   tls.VersionTLS12,
	}
}
