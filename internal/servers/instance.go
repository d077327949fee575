package servers

import (
	"maps"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// newServer prepares what every instance needs: a private directory, a
// certificate and two reserved ports. Everything is undone by t.Cleanup.
//
// The directory lives directly under /dev/shm or /tmp, not under
// t.TempDir(): unix socket paths must stay below 108 bytes and long test
// names would break that, and the servers' unprivileged processes must be
// able to traverse it (t.TempDir's parent is mode 0700).
func newServer(t testing.TB, name string) *Server {
	t.Helper()
	dir, err := makeInstanceDir(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sslDir := filepath.Join(dir, "ssl")
	if err := os.Mkdir(sslDir, 0o755); err != nil {
		t.Fatal(err)
	}
	cert, err := writeSelfSignedCert(sslDir)
	if err != nil {
		t.Fatalf("%s certificate: %v", name, err)
	}
	ports := reservePorts(t, 2)
	return &Server{
		Name:      name,
		Host:      Host,
		IMAPPort:  ports[0],
		IMAPSPort: ports[1],
		CAFile:    cert.certFile,
		CAPool:    cert.pool,
		Users:     maps.Clone(testUsers),
		Dir:       dir,
		keyFile:   cert.keyFile,
	}
}

// makeInstanceDir creates the instance directory, preferring the tmpfs
// /dev/shm, where the servers' many fsync calls cost nothing (Cyrus starts
// several times faster next to a busy disk), and falling back to /tmp.
func makeInstanceDir(name string) (string, error) {
	dir, err := os.MkdirTemp("/dev/shm", "imapsh-"+name+"-")
	if err != nil {
		dir, err = os.MkdirTemp("/tmp", "imapsh-"+name+"-")
	}
	return dir, err
}

// mkdirs creates each path (relative to base) with mode 0755.
func mkdirs(base string, paths ...string) error {
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Join(base, p), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// lookupIDs returns the numeric uid and gid of a system user and group.
func lookupIDs(userName, groupName string) (uid, gid int, err error) {
	u, err := user.Lookup(userName)
	if err != nil {
		return 0, 0, err
	}
	g, err := user.LookupGroup(groupName)
	if err != nil {
		return 0, 0, err
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(g.Gid)
	return uid, gid, nil
}

// chownTree gives root and everything below it to uid:gid.
func chownTree(root string, uid, gid int) error {
	return filepath.Walk(root, func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, uid, gid)
	})
}

// writeFile writes data to base/name with mode perm.
func writeFile(base, name, data string, perm os.FileMode) error {
	return os.WriteFile(filepath.Join(base, name), []byte(data), perm)
}
