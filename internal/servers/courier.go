package servers

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Courier-IMAP is not installed: Debian's courier-imap conflicts with
// dovecot-imapd (both provide imap-server), so .ci/install-servers.sh
// unpacks its .debs into courierRoot. Its binaries have their paths
// compiled in (/etc/courier/authdaemonrc, /run/courier/authdaemon/socket,
// /usr/lib/courier-authlib/*.so, /usr/lib/courier/...), so the daemons run
// in a private mount namespace that overlays courierRoot on /usr and /etc
// (see courier_ns.go); the host never sees any of it.
const (
	courierRoot = "/opt/imapsh-courier" // keep in sync with .ci/install-servers.sh
	courierIMAP = "/usr/bin/imapd"      // under courierRoot, as are the paths below
)

// courierFiles must exist under courierRoot for Courier to run.
var courierFiles = []string{
	courierIMAP, "/usr/bin/couriertls", "/usr/sbin/couriertcpd", "/usr/sbin/userdbpw",
	"/usr/lib/courier/courier/imaplogin", "/usr/lib/courier/courier-authlib/authdaemond",
	"/usr/lib/courier/courier-authlib/makedatprog", "/usr/lib/courier-authlib/libauthuserdb.so.0",
	"/usr/libexec/gam_server",
}

// courierQuota is the maildir quota of every user but bob: 10 GiB and a
// million messages, as the other servers' (Maildir++ quota, maildirquota(7)).
const courierQuota = "10737418240S,1000000C"

// Courier starts a private Courier-IMAP 5.0 with hierarchy separator ".",
// the personal namespace "INBOX." and the shared namespaces "#shared." and
// "shared." (NAMESPACE answers (("INBOX." ".")) NIL (("#shared." ".")
// ("shared." "."))). It is the only test server that announces
// UTF8=ACCEPT (RFC 6855); it has no SPECIAL-USE, so Drafts, Sent, Trash,
// Junk and Archive are plain (subscribed) folders. Every user but bob has a
// maildir quota of 10 GiB and 1,000,000 messages; bob has none, so his
// GETQUOTAROOT gets Courier's list-less '* QUOTA "ROOT"'. "admin" is an
// ordinary user: Courier has no IMAP administrator. A wrong password is
// answered after 5 s (compiled in). It needs root (mount namespace,
// overlays).
func Courier(t testing.TB) *Server {
	t.Helper()
	requireCourier(t)
	s := newServer(t, "courier")
	s.Separator, s.PersonalPrefix = ".", "INBOX."
	logDir := filepath.Join(s.Dir, "log")
	s.logFiles = []string{filepath.Join(logDir, "supervisor.log"), filepath.Join(logDir, "authdaemond.log"),
		filepath.Join(logDir, "imapd.log"), filepath.Join(logDir, "imapd-ssl.log")}
	if err := writeCourierConfig(s); err != nil {
		t.Fatalf("courier config: %v", err)
	}
	argv := []string{"/bin/bash", filepath.Join(s.Dir, "supervisor.sh")}
	d, err := startDaemonInNamespace(argv, "/", s.logFiles[0], syscall.SIGTERM)
	if err != nil {
		t.Fatalf("start courier: %v", err)
	}
	stopOnCleanup(t, d, s)
	s.namespacePID = d.cmd.Process.Pid
	if err := d.waitReady(s); err != nil {
		t.Fatalf("courier: %v\n%s", err, s.Log())
	}
	return s
}

// requireCourier skips (or fails) the test unless Courier can run here.
func requireCourier(t testing.TB) {
	t.Helper()
	for _, f := range courierFiles {
		if _, err := os.Stat(courierRoot + f); err != nil {
			missing(t, "courier not unpacked in "+courierRoot+": run .ci/install-servers.sh")
		}
	}
	if _, _, err := lookupIDs(dovecotMailUser, dovecotMailUser); err != nil {
		missing(t, "mail user "+dovecotMailUser+" missing: run .ci/install-servers.sh")
	}
	if os.Geteuid() != 0 {
		missing(t, "courier test servers need root (mount namespace)")
	}
}

// courierLibraryPath finds the unpacked shared libraries when a Courier
// binary runs outside the namespace (userdbpw, makedatprog, PREAUTH imapd).
var courierLibraryPath = courierRoot + "/usr/lib:" + courierRoot + "/usr/lib/x86_64-linux-gnu"

// writeCourierConfig writes everything the instance reads: the namespace's
// /etc layer (authdaemonrc, the userdb, passwd and group), the supervisor
// script, the TLS key, and a Maildir for every user.
func writeCourierConfig(s *Server) error {
	uid, gid, err := lookupIDs(dovecotMailUser, dovecotMailUser)
	if err != nil {
		return err
	}
	if strings.ContainsAny(s.Dir, ",:") { // overlayfs option syntax
		return os.ErrInvalid
	}
	if err := mkdirs(s.Dir, "etc/courier/shared", "home", "log"); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return writeCourierEtc(s, uid, gid) },
		func() error { return writeCourierUserdb(s, uid, gid) },
		func() error { return writeCourierMaildirs(s, uid, gid) },
		func() error { return writeCourierSupervisor(s) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writeCourierEtc writes the files the namespace sees in /etc: the
// authdaemonrc, the TLS key and certificate in one PEM (couriertls wants
// that, readable by the mail user that imapd runs as), and copies of
// /etc/passwd and /etc/group with a user "courier" mapped onto the mail
// user: imaplogin starts couriertls for STARTTLS with -user=courier, and
// without such a user the handshake fails with "getpwnam: Success".
func writeCourierEtc(s *Server, uid, gid int) error {
	etc := filepath.Join(s.Dir, "etc")
	if err := writeFile(etc, "courier/authdaemonrc", courierAuthdaemonrc, 0o644); err != nil {
		return err
	}
	key, err := os.ReadFile(s.keyFile)
	if err != nil {
		return err
	}
	cert, err := os.ReadFile(s.CAFile)
	if err != nil {
		return err
	}
	pem := filepath.Join(etc, "courier", "imapd.pem")
	if err := os.WriteFile(pem, append(key, cert...), 0o600); err != nil {
		return err
	}
	if err := os.Chown(pem, uid, gid); err != nil {
		return err
	}
	return writeCourierPasswd(etc, uid, gid)
}

// writeCourierPasswd copies /etc/passwd and /etc/group into etc, with a
// "courier" user and group on the mail user's ids.
func writeCourierPasswd(etc string, uid, gid int) error {
	for _, f := range []struct{ name, line string }{
		{"passwd", "courier:x:" + itoa(uid) + ":" + itoa(gid) + ":Courier (imapsh tests):/nonexistent:/usr/sbin/nologin\n"},
		{"group", "courier:x:" + itoa(gid) + ":\n"},
	} {
		data, err := os.ReadFile(filepath.Join("/etc", f.name))
		if err != nil {
			return err
		}
		var out strings.Builder
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if line != "" && !strings.HasPrefix(line, "courier:") {
				out.WriteString(line)
				if !strings.HasSuffix(line, "\n") {
					out.WriteString("\n")
				}
			}
		}
		out.WriteString(f.line)
		if err := writeFile(etc, f.name, out.String(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// courierAuthdaemonrc configures authdaemond (seen as
// /etc/courier/authdaemonrc in the namespace): the userdb module only.
const courierAuthdaemonrc = `# generated by imapsh internal/servers
authmodulelist="authuserdb"
authmodulelistorig="authuserdb"
daemons=3
authdaemonvar=/run/courier/authdaemon
DEBUG_LOGIN=0
DEFAULTOPTIONS=""
LOGGEROPTS=""
`
