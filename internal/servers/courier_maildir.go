package servers

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// writeCourierMaildirs creates each user's home with a Maildir++ tree:
// INBOX, one folder per special-use name (Courier has no SPECIAL-USE; the
// folders exist and are subscribed as on the other servers), and the
// maildirsize file that holds the quota of users who have one.
func writeCourierMaildirs(s *Server, uid, gid int) error {
	for _, user := range sortedUsers(s) {
		home := filepath.Join(s.Dir, "home", user)
		maildir := filepath.Join(home, "Maildir")
		if err := makeMaildir(maildir); err != nil {
			return err
		}
		var subscribed strings.Builder
		for _, box := range specialUseFolders {
			folder := filepath.Join(maildir, "."+box)
			if err := makeMaildir(folder); err != nil {
				return err
			}
			if err := writeFile(folder, "maildirfolder", "", 0o644); err != nil {
				return err
			}
			subscribed.WriteString("INBOX." + box + "\n")
		}
		if err := writeFile(maildir, "courierimapsubscribed", subscribed.String(), 0o644); err != nil {
			return err
		}
		if q := courierUserQuota(user); q != "" {
			// maildirquota(7): the quota, then "bytes count" lines of usage.
			if err := writeFile(maildir, "maildirsize", fmt.Sprintf("%s\n%12d %12d\n", q, 0, 0), 0o644); err != nil {
				return err
			}
		}
		if err := chownTree(home, uid, gid); err != nil {
			return err
		}
		if err := os.Chmod(home, 0o700); err != nil {
			return err
		}
	}
	return nil
}

// makeMaildir creates dir with the cur, new and tmp subdirectories.
func makeMaildir(dir string) error {
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return err
		}
	}
	return nil
}
