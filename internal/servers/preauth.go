package servers

import (
	"path/filepath"
	"strconv"
)

// PreauthCommand returns the argv of a pre-authenticated IMAP session for
// user on stdin/stdout ("* PREAUTH" greeting, RFC 9051 section 7.1.4), like
// Python's imaplib.IMAP4_stream: no listener and no running daemon are
// involved. Dovecot and Courier have such a mode; Cyrus has none, and the
// result is nil there.
func (s *Server) PreauthCommand(user string) []string {
	switch s.Name {
	case "dovecot":
		return s.dovecotPreauth(user)
	case "courier":
		return s.courierPreauth(user)
	}
	return nil
}

// courierPreauth is PreauthCommand for Courier: imapd as imaplogin would
// exec it after a login (AUTHENTICATED=user, the user's home as working
// directory, the Maildir as argument, the maildir quota in MAILDIRQUOTA),
// run as the mail user (setpriv), inside the instance's mount namespace
// (nsenter): there imapd finds gamin's gam_server, which it starts for
// IDLE, and the server's stop ends whatever the session left behind.
func (s *Server) courierPreauth(user string) []string {
	uid, gid, err := lookupIDs(dovecotMailUser, dovecotMailUser)
	if err != nil || s.namespacePID == 0 {
		return []string{"false"} // requireCourier checked the user; it went away
	}
	home := filepath.Join(s.Dir, "home", user)
	argv := []string{"nsenter", "--mount=/proc/" + strconv.Itoa(s.namespacePID) + "/ns/mnt", "--",
		"env", "-i", "-C", home, "HOME=" + home, "USER=" + user, "AUTHENTICATED=" + user,
		"TCPREMOTEIP=127.0.0.1", "MAILDIRQUOTA=" + courierUserQuota(user)}
	argv = append(argv, courierEnv(s)...)
	return append(argv, "IMAP_STARTTLS=NO", "setpriv", "--reuid", strconv.Itoa(uid),
		"--regid", strconv.Itoa(gid), "--clear-groups", courierIMAP, "Maildir")
}
