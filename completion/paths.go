package completion

import (
	"os"
	"path/filepath"
	"strings"

	"imapsh/internal/cmdline"
)

// pathCandidates lists the files and directories that extend frag, a path
// being typed after <, > or \i; directories end in "/" with no space.
func pathCandidates(frag string) []candidate {
	dir, base := filepath.Split(frag)
	readDir := dir
	if readDir == "" {
		readDir = "."
	}
	entries, err := os.ReadDir(cmdline.ExpandHome(readDir))
	if err != nil {
		return nil
	}
	var out []candidate
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			out = append(out, candidate{text: dir + name + "/"})
			continue
		}
		out = append(out, candidate{text: dir + name, space: true})
	}
	return out
}
