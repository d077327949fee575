package servers

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"text/template"
)

// Paths and accounts of the Debian dovecot-core / dovecot-imapd packages.
const (
	dovecotBin      = "/usr/sbin/dovecot"
	dovecotIMAPBin  = "/usr/lib/dovecot/imap"
	dovecotMailUser = "imapsh" // created by .ci/install-servers.sh
)

// Dovecot starts a private Dovecot 2.3 with hierarchy separator "/", an
// empty personal namespace prefix, "Shared/<user>/" for other users'
// mailboxes, the special-use folders Drafts, Sent, Trash, Junk and Archive,
// and the plugins acl, quota, imap_acl, imap_quota, imap_zlib and METADATA.
// "admin" is a master user with admin=yes: log in as "alice*admin" /
// "adminpw" for an admin session as alice. It needs root.
func Dovecot(t testing.TB) *Server {
	t.Helper()
	requireDovecot(t)
	s := newServer(t, "dovecot")
	s.Separator, s.PersonalPrefix, s.session = "/", "", "imap"
	logFile := filepath.Join(s.Dir, "log", "dovecot.log")
	s.logFiles = []string{logFile, filepath.Join(s.Dir, "log", "stderr.log")}
	if err := writeDovecotConfig(s); err != nil {
		t.Fatalf("dovecot config: %v", err)
	}
	// SIGKILL: the children exit as soon as the master's pipes close, while a
	// graceful SIGTERM shutdown costs about a second per test.
	argv := []string{dovecotBin, "-F", "-c", s.dovecotConf()}
	d, err := startDaemon(argv, "/", s.logFiles[1], syscall.SIGKILL)
	if err != nil {
		t.Fatalf("start dovecot: %v", err)
	}
	stopOnCleanup(t, d, s)
	if err := d.waitReady(s); err != nil {
		t.Fatalf("dovecot: %v\n%s", err, s.Log())
	}
	return s
}

// requireDovecot skips (or fails) the test unless Dovecot can run here.
func requireDovecot(t testing.TB) {
	t.Helper()
	for _, bin := range []string{dovecotBin, dovecotIMAPBin} {
		if _, err := os.Stat(bin); err != nil {
			missing(t, "dovecot not installed: run .ci/install-servers.sh")
		}
	}
	if _, _, err := lookupIDs(dovecotMailUser, dovecotMailUser); err != nil {
		missing(t, "dovecot mail user "+dovecotMailUser+" missing: run .ci/install-servers.sh")
	}
	if os.Geteuid() != 0 {
		missing(t, "dovecot test servers need root")
	}
}

// PreauthCommand returns the argv of a pre-authenticated IMAP session for
// user on stdin/stdout ("* PREAUTH" greeting, RFC 9051 section 7.1.4), like
// Python's imaplib.IMAP4_stream: no listener and no running daemon are
// involved. The session runs /usr/lib/dovecot/imap with this instance's
// config and drops to the mail user itself; USER and HOME select the account.
func (s *Server) PreauthCommand(user string) []string {
	return []string{
		"env", "-i", "-C", "/", // imap chdir()s after dropping root
		"PATH=/usr/sbin:/usr/bin:/sbin:/bin",
		"USER=" + user,
		"HOME=" + filepath.Join(s.Dir, "home", user),
		dovecotIMAPBin, "-c", s.dovecotConf(),
	}
}

// dovecotConf is the path of the instance's dovecot.conf.
func (s *Server) dovecotConf() string {
	return filepath.Join(s.Dir, "dovecot.conf")
}

// writeDovecotConfig writes the passwd-files and dovecot.conf of s and
// creates the directories they name.
func writeDovecotConfig(s *Server) error {
	uid, gid, err := lookupIDs(dovecotMailUser, dovecotMailUser)
	if err != nil {
		return err
	}
	if err := mkdirs(s.Dir, "run", "state", "log", "home", "shared"); err != nil {
		return err
	}
	for _, dir := range []string{"home", "shared"} {
		if err := os.Chown(filepath.Join(s.Dir, dir), uid, gid); err != nil {
			return err
		}
	}
	if err := writePasswdFiles(s); err != nil {
		return err
	}
	var conf strings.Builder
	err = dovecotTemplate.Execute(&conf, map[string]any{
		"S": s, "KeyFile": s.keyFile, "MailUser": dovecotMailUser, "UID": uid,
		"Instance": filepath.Base(s.Dir), "SpecialUse": specialUseFolders,
	})
	if err != nil {
		return err
	}
	return writeFile(s.Dir, "dovecot.conf", conf.String(), 0o644)
}

// writePasswdFiles writes the userdb/passdb ("users", {PLAIN} so that
// CRAM-MD5 and SCRAM work) and the master passdb ("masters", admin only).
// passwd-file fields: user:password:uid:gid:gecos:home:shell:extra_fields.
func writePasswdFiles(s *Server) error {
	var users, masters strings.Builder
	for _, u := range []string{"alice", "bob", "carol", "admin"} {
		extra := ""
		if u == "admin" {
			extra = "userdb_admin=yes"
		}
		line := fmt.Sprintf("%s:{PLAIN}%s::::::%s\n", u, s.Users[u], extra)
		users.WriteString(line)
		if u == "admin" {
			masters.WriteString(line)
		}
	}
	_, gid, err := lookupIDs("root", "dovecot")
	if err != nil {
		return err
	}
	for name, data := range map[string]string{"users": users.String(), "masters": masters.String()} {
		if err := writeFile(s.Dir, name, data, 0o640); err != nil {
			return err
		}
		if err := os.Chown(filepath.Join(s.Dir, name), 0, gid); err != nil {
			return err
		}
	}
	return nil
}

// dovecotTemplate is the lab's verified configuration (see
// ../shared/lab/dovecot-up.sh), limited to 127.0.0.1 and tuned for tests:
// no auth failure delay or penalty, login processes in high-performance mode.
var dovecotTemplate = template.Must(template.New("dovecot.conf").Parse(`# generated by imapsh internal/servers
instance_name = {{.Instance}}
base_dir = {{.S.Dir}}/run
state_dir = {{.S.Dir}}/state
protocols = imap
listen = 127.0.0.1
log_path = {{.S.Dir}}/log/dovecot.log

ssl = yes
ssl_cert = <{{.S.CAFile}}
ssl_key = <{{.KeyFile}}
ssl_min_protocol = TLSv1.2

disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5 scram-sha-1 scram-sha-256
auth_master_user_separator = *
auth_failure_delay = 0
auth_verbose = yes

default_internal_user = dovecot
default_login_user = dovenull
mail_uid = {{.MailUser}}
mail_gid = {{.MailUser}}
first_valid_uid = {{.UID}}
last_valid_uid = {{.UID}}
mail_home = {{.S.Dir}}/home/%n
mail_location = maildir:~/Maildir:LAYOUT=fs
mail_plugins = acl quota
mail_attribute_dict = file:%h/dovecot-attributes
mail_max_userip_connections = 1000

passdb {
  driver = passwd-file
  master = yes
  args = scheme=PLAIN {{.S.Dir}}/masters
  result_success = continue
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {{.S.Dir}}/users
}
userdb {
  driver = passwd-file
  args = username_format=%n {{.S.Dir}}/users
}

namespace inbox {
  type = private
  separator = /
  prefix =
  inbox = yes
{{- range $box := .SpecialUse}}
  mailbox {{$box}} {
    special_use = \{{$box}}
    auto = subscribe
  }
{{- end}}
}
namespace shared {
  type = shared
  separator = /
  prefix = Shared/%%n/
  location = maildir:%%h/Maildir:LAYOUT=fs:INDEXPVT=~/Maildir/Shared/%%n
  subscriptions = no
  list = children
}

service imap-login {
  inet_listener imap {
    port = {{.S.IMAPPort}}
  }
  inet_listener imaps {
    port = {{.S.IMAPSPort}}
    ssl = yes
  }
  service_count = 0
  process_min_avail = 1
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}

protocol imap {
  mail_plugins = $mail_plugins imap_acl imap_quota imap_zlib
  imap_metadata = yes
  imap_id_send = name * version *
}

plugin {
  acl = vfile
  acl_user = %u
  acl_shared_dict = file:{{.S.Dir}}/shared/shared-mailboxes.db
  quota = count:User quota
  quota_rule = *:storage=10G:messages=1000000
  quota_rule2 = Trash:storage=+100M
  quota_vsizes = yes
}
`))
