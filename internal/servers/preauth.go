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
	if s.namespacePID == 0 {
		return []string{"false"} // requireCourier checked the user; it went away
	}
	ns := []string{"nsenter", "--mount=/proc/" + strconv.Itoa(s.namespacePID) + "/ns/mnt", "--"}
	return append(ns, s.courierImapd(user, courierIMAP)...)
}

// CourierPreauthWithoutFAM is Courier's PreauthCommand run outside the
// instance's namespace, where gamin's gam_server is missing, as on a host
// without FAM: imapd then writes "* OK [ALERT] Filesystem notification
// initialization error ..." before its "* PREAUTH" greeting. A client id
// of its own keeps it from finding the gam_server that a session inside
// the namespace started (its socket is an abstract one, named after
// GAM_CLIENT_ID, which the mount namespace does not hide). It is nil for
// the other servers.
func (s *Server) CourierPreauthWithoutFAM(user string) []string {
	if s.Name != "courier" {
		return nil
	}
	return s.courierImapd(user, courierRoot+courierIMAP,
		"LD_LIBRARY_PATH="+courierLibraryPath, "IMAP_ENHANCEDIDLE=0",
		"GAM_CLIENT_ID="+filepath.Base(s.Dir)+"-nofam")
}

// courierImapd is the argv that runs imapd (at path) for user as the mail
// user, with the instance's settings and then env's (env -i takes the last
// value of a name).
func (s *Server) courierImapd(user, path string, env ...string) []string {
	uid, gid, err := lookupIDs(dovecotMailUser, dovecotMailUser)
	if err != nil {
		return []string{"false"}
	}
	home := filepath.Join(s.Dir, "home", user)
	argv := []string{"env", "-i", "-C", home, "HOME=" + home, "USER=" + user, "AUTHENTICATED=" + user,
		"TCPREMOTEIP=127.0.0.1", "MAILDIRQUOTA=" + courierUserQuota(user)}
	argv = append(append(argv, courierEnv(s)...), env...)
	return append(argv, "IMAP_STARTTLS=NO", "setpriv", "--reuid", strconv.Itoa(uid),
		"--regid", strconv.Itoa(gid), "--clear-groups", path, "Maildir")
}
