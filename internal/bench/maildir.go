package main

import (
	"bytes"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"time"
)

// maildirFill is what fillMaildir writes.
type maildirFill struct {
	Dir      string // the mailbox's Maildir directory (cur, new and tmp are made in it)
	N        int    // messages (the large one, if any, is the last of them)
	Seed     uint64
	LargeMiB int // size of a large last message; 0 for none
	UID, GID int // owner of everything written (the server's mail user); -1 keeps ours
}

// fillMaildir writes generated messages straight into a Maildir's cur/,
// as the lab's populate.sh does: names carry S= (size) and W= (size with
// CRLF line endings) so the server need not read the files to know their
// sizes, and mtime is the Date (Dovecot's INTERNALDATE). Far faster than
// APPEND: the server indexes the files on the next access.
func fillMaildir(f maildirFill) error {
	for _, sub := range []string{"", "cur", "new", "tmp"} {
		if err := mkdirOwned(filepath.Join(f.Dir, sub), f.UID, f.GID); err != nil {
			return err
		}
	}
	g := newMailGen(f.Seed)
	stamp := os.Getpid()
	for i := range f.N {
		m := g.message(i)
		if f.LargeMiB > 0 && i == f.N-1 {
			m = g.large(i, f.LargeMiB)
		}
		name := fmt.Sprintf("%d.M%dP%d.bench,S=%d,W=%d:2,%s", m.Date.Unix(), i, stamp, len(m.Data),
			len(m.Data)+bytes.Count(m.Data, []byte("\n")), m.Flags)
		if err := writeOwned(filepath.Join(f.Dir, "cur", name), m, f.UID, f.GID); err != nil {
			return err
		}
	}
	return nil
}

// mkdirOwned makes dir and its missing parents (mode 0700), each one it
// creates owned by uid:gid, so that the server's mail user can reach them.
func mkdirOwned(dir string, uid, gid int) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := mkdirOwned(parent, uid, gid); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return err
	}
	if uid < 0 {
		return nil
	}
	return os.Chown(dir, uid, gid)
}

// writeOwned writes one message file, owned by uid:gid, with its date as
// mtime.
func writeOwned(path string, m genMessage, uid, gid int) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(m.Data)
	if err == nil && uid >= 0 {
		err = f.Chown(uid, gid)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Chtimes(path, m.Date, m.Date)
}

// runFill is -mode fill: write n generated messages into a Maildir owned
// by a system user, for a Dovecot the benchmark did not start:
//
//	go run ./internal/bench -mode fill -maildir /tmp/imaplab/dovecot/home/bob/Maildir/scale1m \
//	    -messages 1000000 -owner imaplab
//	doveadm -c /tmp/imaplab/dovecot/dovecot.conf mailbox status -u bob messages scale1m
func runFill(dir string, n, largeMiB int, owner string) error {
	if dir == "" || n < 1 {
		return fmt.Errorf("-mode fill needs -maildir DIR and -messages N")
	}
	f := maildirFill{Dir: dir, N: n, Seed: uint64(n), LargeMiB: largeMiB, UID: -1, GID: -1}
	if owner != "" {
		u, err := user.Lookup(owner)
		if err != nil {
			return err
		}
		f.UID, _ = strconv.Atoi(u.Uid)
		f.GID, _ = strconv.Atoi(u.Gid)
	}
	t0 := time.Now()
	if err := fillMaildir(f); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d messages written to %s in %v\n", n, dir, time.Since(t0).Round(time.Millisecond))
	return nil
}
