//go:build unix

package history

import (
	"io/fs"
	"os"
	"syscall"
)

// openSafely keeps an open from following a symbolic link planted at the
// history path, or from waiting for the writer of a FIFO planted there.
const openSafely = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// dirOwner returns the owner of a directory and whether it is this user
// or root, the only ones who may decide what files it holds.
func dirOwner(fi fs.FileInfo) (uid int, ok bool) {
	st, isStat := fi.Sys().(*syscall.Stat_t)
	if !isStat {
		return -1, true
	}
	return int(st.Uid), int(st.Uid) == os.Geteuid() || st.Uid == 0
}
