package servers

import (
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// writeCourierUserdb builds the userdb that authdaemond's authuserdb module
// reads (/etc/courier/userdb.dat and userdbshadow.dat in the namespace),
// as makeuserdb(8) would: makedatprog turns "user<TAB>field=value|..."
// lines into GDBM files, the password fields going to the shadow file.
// The password is a {SHA512} hash for LOGIN and AUTHENTICATE PLAIN/LOGIN,
// plus the precomputed HMAC keys that AUTH=CRAM-MD5/SHA1/SHA256 need.
func writeCourierUserdb(s *Server, uid, gid int) error {
	hmacs, err := courierHMACKeys()
	if err != nil {
		return err
	}
	var users, shadow strings.Builder
	for _, user := range sortedUsers(s) {
		home := filepath.Join(s.Dir, "home", user)
		fmt.Fprintf(&users, "%s\tuid=%d|gid=%d|home=%s|mail=%s/Maildir", user, uid, gid, home, home)
		if q := courierUserQuota(user); q != "" {
			users.WriteString("|quota=" + q)
		}
		users.WriteString("|_=\n")
		sum := sha512.Sum512([]byte(s.Users[user]))
		fmt.Fprintf(&shadow, "%s\tsystempw={SHA512}%s", user, base64.StdEncoding.EncodeToString(sum[:]))
		for _, mech := range courierCRAMs {
			fmt.Fprintf(&shadow, "|%spw=%s", mech, hmacs[s.Users[user]][mech])
		}
		shadow.WriteString("\n")
	}
	etc := filepath.Join(s.Dir, "etc", "courier")
	if err := makedat(users.String(), filepath.Join(etc, "userdb")); err != nil {
		return err
	}
	return makedat(shadow.String(), filepath.Join(etc, "userdbshadow"))
}

// courierUserQuota is a user's maildir quota: none for bob, so that his
// GETQUOTAROOT gets Courier's list-less '* QUOTA "ROOT"'.
func courierUserQuota(user string) string {
	if user == "bob" {
		return ""
	}
	return courierQuota
}

// sortedUsers lists the test users in a stable order.
func sortedUsers(s *Server) []string {
	var users []string
	for u := range s.Users {
		users = append(users, u)
	}
	sort.Strings(users)
	return users
}

// makedat writes base.dat from text lines with Courier's makedatprog, which
// reads them from stdin up to a line holding ".".
func makedat(text, base string) error {
	cmd := exec.Command(courierRoot+"/usr/lib/courier/courier-authlib/makedatprog", "-", base+".tmp", base+".dat")
	cmd.Env = []string{"LD_LIBRARY_PATH=" + courierLibraryPath}
	cmd.Stdin = strings.NewReader(text + ".\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("makedatprog %s: %v: %s", filepath.Base(base), err, out)
	}
	return nil
}

// courierCRAMs are the userdb fields holding the keys of the CRAM
// mechanisms Courier announces (AUTH=CRAM-MD5, CRAM-SHA1, CRAM-SHA256).
var courierCRAMs = []string{"hmac-md5", "hmac-sha1", "hmac-sha256"}

var (
	hmacOnce sync.Once
	hmacKeys map[string]map[string]string // password -> field -> key
	hmacErr  error
)

// courierHMACKeys returns, for every test password, the precomputed HMAC
// keys in Courier's format (userdbpw -hmac-md5 ...). They depend only on
// the password, so they are computed once per test binary.
func courierHMACKeys() (map[string]map[string]string, error) {
	hmacOnce.Do(func() {
		hmacKeys = map[string]map[string]string{}
		for _, pw := range testUsers {
			hmacKeys[pw] = map[string]string{}
			for _, mech := range courierCRAMs {
				key, err := userdbpw(mech, pw)
				if err != nil {
					hmacErr = err
					return
				}
				hmacKeys[pw][mech] = key
			}
		}
	})
	return hmacKeys, hmacErr
}

// userdbpw runs Courier's userdbpw -MECH with the password on stdin.
func userdbpw(mech, password string) (string, error) {
	cmd := exec.Command(courierRoot+"/usr/sbin/userdbpw", "-"+mech)
	cmd.Env = []string{"LD_LIBRARY_PATH=" + courierLibraryPath}
	cmd.Stdin = strings.NewReader(password + "\n")
	out, err := cmd.Output()
	key := strings.TrimSpace(string(out))
	if err != nil || key == "" {
		return "", fmt.Errorf("userdbpw -%s: %v", mech, err)
	}
	return key, nil
}

// itoa formats an id.
func itoa(n int) string { return strconv.Itoa(n) }
