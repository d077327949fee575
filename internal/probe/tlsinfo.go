package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"imapsh/client"
)

// tlsInfo describes a TLS session: version, cipher and the server's
// certificate, whether it is valid for the host and whether it chains to
// a root that opts trust (the system's and --cafile's).
func tlsInfo(cs tls.ConnectionState, host string, opts client.TLSOptions) *TLSInfo {
	info := &TLSInfo{Version: tls.VersionName(cs.Version), Cipher: tls.CipherSuiteName(cs.CipherSuite), Host: host, SANs: []string{}}
	info.Insecure = opts.Insecure
	if len(cs.PeerCertificates) == 0 {
		info.TrustError = "the server sent no certificate"
		return info
	}
	leaf := cs.PeerCertificates[0]
	info.Subject, info.Issuer = leaf.Subject.String(), leaf.Issuer.String()
	info.SANs = append(info.SANs, leaf.DNSNames...)
	for _, ip := range leaf.IPAddresses {
		info.SANs = append(info.SANs, ip.String())
	}
	info.NotAfter = leaf.NotAfter.UTC()
	info.DaysLeft = int(time.Until(leaf.NotAfter).Hours() / 24)
	info.HostMatch = host != "" && leaf.VerifyHostname(host) == nil
	info.Trusted, info.TrustError = trusted(cs.PeerCertificates, opts)
	return info
}

// trusted verifies the chain (not the name: HostMatch says that) against
// the roots opts trust.
func trusted(chain []*x509.Certificate, opts client.TLSOptions) (bool, string) {
	if err := opts.VerifyChain(chain, ""); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// tlsFailed reports a failed handshake. When the certificate was refused,
// it connects once more without checking it, only to describe it in the
// report; nothing is sent over that connection but the greeting's
// STARTTLS.
func (r *run) tlsFailed(ctx context.Context, t Target, err error) error {
	var cv *tls.CertificateVerificationError
	var host x509.HostnameError
	var auth x509.UnknownAuthorityError
	var inv x509.CertificateInvalidError
	if !errors.As(err, &cv) && !errors.As(err, &host) && !errors.As(err, &auth) && !errors.As(err, &inv) && !errors.Is(err, client.ErrPinMismatch) {
		return fmt.Errorf("TLS: %w", err)
	}
	if info, ierr := inspectTLS(ctx, t, r.opts.CheckTimeout); ierr == nil {
		r.report.Connection.TLS = info
	}
	return fmt.Errorf("TLS: the certificate was refused, so the probe does not log in: %w (a private CA: --cafile FILE)", err)
}

// inspectTLS handshakes without verification and describes what the
// server presented.
func inspectTLS(ctx context.Context, t Target, timeout time.Duration) (*TLSInfo, error) {
	cfg, err := t.TLS.TLSConfig(t.Host)
	if err != nil {
		return nil, err
	}
	loose := cfg.Clone()
	loose.InsecureSkipVerify, loose.VerifyConnection = true, nil
	raw, _, err := dialTCP(ctx, t, timeout)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	var cs tls.ConnectionState
	if t.Security == client.ImplicitTLS {
		tconn := tls.Client(raw, loose)
		if err := tconn.HandshakeContext(ctx); err != nil {
			return nil, err
		}
		cs = tconn.ConnectionState()
	} else {
		c, err := client.New(raw, &client.Options{GreetingTimeout: timeout, CommandTimeout: timeout})
		if err != nil {
			return nil, err
		}
		defer c.Close()
		if err := c.StartTLS(ctx, loose); err != nil {
			return nil, err
		}
		cs, _ = c.TLSConnectionState()
	}
	return tlsInfo(cs, serverName(t), t.TLS), nil
}

// serverName is the name the certificate must match: --servername or the host.
func serverName(t Target) string {
	if t.TLS.ServerName != "" {
		return t.TLS.ServerName
	}
	return t.Host
}
