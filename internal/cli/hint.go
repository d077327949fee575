package cli

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"imapsh/client"
	"imapsh/render"
	"imapsh/scripts"
)

// Report writes err to w as "error: ..." and, when one applies, a
// "hint: ..." line on what to try next (render.Error, with the whole
// error's text: a failed login says who could not log in).
func Report(w io.Writer, err error) {
	render.Error(w, errors.New(render.ErrorText(err)), Hint(err), render.Options{})
}

// ReportUsage reports a bad command line: the error, the usage line, and
// where the flags are listed.
func ReportUsage(w io.Writer, err error) {
	render.Error(w, err, "", render.Options{})
	fmt.Fprintln(w, "usage: imapsh [flags] [URL]")
	render.Error(w, nil, Hint(ErrUsage), render.Options{})
}

// Hint suggests a fix for the usual connection, TLS and login failures,
// or returns "".
func Hint(err error) string {
	var (
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		verify    *tls.CertificateVerificationError
		imapErr   *client.Error
		loginErr  *LoginError
		scriptErr *scripts.Error
		schemeErr *SchemeError
	)
	switch {
	case errors.Is(err, ErrUsage):
		return "imapsh --help lists the flags"
	case errors.As(err, &schemeErr):
		return schemeErr.Why + ": try " + schemeErr.Try
	case errors.Is(err, client.ErrPinMismatch):
		return "the server's key changed or the pin is wrong; compare it with the key shown above"
	case errors.As(err, &hostname):
		return "the certificate is for another name; connect by that name, or use --pin sha256//... or --insecure"
	case errors.As(err, &unknownCA), errors.As(err, &invalid), errors.As(err, &verify):
		return "--cafile FILE or --pin sha256//... to trust this server's certificate"
	case errors.Is(err, client.ErrTLSRequired):
		return "use imaps:// (implicit TLS), or --plaintext on a network you trust"
	case errors.Is(err, client.ErrPlaintext):
		return "use imaps:// or imap:// (STARTTLS); --plaintext allows passwords without TLS"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "nothing listens there; imaps:// defaults to port 993, imap:// to 143"
	case errors.As(err, &loginErr) && errors.As(err, &imapErr):
		return "check the user name and the password (" + EnvPassword + ", --password-command)"
	case errors.As(err, &scriptErr) && strings.Contains(scriptErr.Err.Error(), "literal secret"):
		return "keep passwords out of scripts: login alice ${" + EnvPassword + "} reads it from the environment"
	case errors.As(err, &scriptErr):
		return `imapsh -c '\help scripts' describes the script format`
	case errors.As(err, &imapErr) && imapErr.Command == "SELECT":
		return "list the mailboxes with: list \"\" *"
	}
	return ""
}
