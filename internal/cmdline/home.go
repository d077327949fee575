package cmdline

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome replaces a leading "~" or "~/" in a file name with the home
// directory, as a shell does, so that the names Tab completion offers
// (~/mail/x.eml) name the files they show. "~user" is left as it is, and
// so is the name when the home directory is unknown.
func ExpandHome(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return filepath.Join(home, p[1:])
}

// PathOf is the file a word names: a quoted word as written ("~/x" is a
// file in a directory named ~, as in a shell), an unquoted one with its
// leading ~ expanded (ExpandHome).
func PathOf(w Token) string {
	if w.Quoted {
		return w.Text
	}
	return ExpandHome(w.Text)
}
