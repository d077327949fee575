package servers

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// certFiles names the PEM files of a server's self-signed certificate.
type certFiles struct {
	certFile, keyFile string
	pool              *x509.CertPool
}

// writeSelfSignedCert creates a fresh ECDSA P-256 certificate for localhost,
// 127.0.0.1 and ::1 in dir as cert.pem and key.pem. The certificate is its
// own CA, so pool verifies TLS connections to the server.
func writeSelfSignedCert(dir string) (certFiles, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return certFiles{}, err
	}
	tmpl := certTemplate()
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return certFiles{}, fmt.Errorf("create certificate: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return certFiles{}, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return certFiles{}, err
	}
	files := certFiles{
		certFile: filepath.Join(dir, "cert.pem"),
		keyFile:  filepath.Join(dir, "key.pem"),
		pool:     x509.NewCertPool(),
	}
	files.pool.AddCert(cert)
	if err := writePEM(files.certFile, "CERTIFICATE", der, 0o644); err != nil {
		return certFiles{}, err
	}
	if err := writePEM(files.keyFile, "PRIVATE KEY", keyDER, 0o600); err != nil {
		return certFiles{}, err
	}
	return files, nil
}

// certTemplate describes a one-day, self-signed CA certificate that is also
// valid as a TLS server certificate for the loopback names.
func certTemplate() *x509.Certificate {
	now := time.Now()
	return &x509.Certificate{
		SerialNumber:          big.NewInt(now.UnixNano()),
		Subject:               pkix.Name{CommonName: "localhost", Organization: []string{"imapsh tests"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
}

// writePEM writes one PEM block of the given type to name with mode perm.
func writePEM(name, blockType string, der []byte, perm os.FileMode) error {
	data := pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der})
	return os.WriteFile(name, data, perm)
}
