package completion

import (
	"os"
	"path/filepath"
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/render"
)

// pathCandidates lists the files and directories that extend frag, a path
// being typed after <, > or \i; directories end in "/" with no space. A
// frag that opens a quote is read inside it, and its candidates are
// quoted words: a file's closed and followed by a space, a directory's
// left open for the next Tab. Bare, a name the lexer would split (a
// blank, a quote) is offered only quoted, which a bare frag does not
// begin: Rewrite puts the quote in first.
func pathCandidates(frag string) []candidate {
	quoted := strings.HasPrefix(frag, `"`)
	typed := frag
	if quoted {
		typed = unescapeOpen(frag[1:])
	}
	var out []candidate
	for _, m := range pathMatches(typed, !quoted) {
		out = append(out, candidate{text: pathWord(m.path, quoted, m.dir), space: !m.dir})
	}
	return out
}

// pathMatch is one entry of the directory being completed: its path as
// typed, with a "/" after a directory's name.
type pathMatch struct {
	path string
	dir  bool
}

// pathMatches lists the entries of typed's directory, all of them (the
// caller matches the beginning); expand reads a leading ~/ as the home
// directory, as binding does for an unquoted word (cmdline.PathOf).
func pathMatches(typed string, expand bool) []pathMatch {
	dir, base := filepath.Split(typed)
	readDir := dir
	if readDir == "" {
		readDir = "."
	}
	if expand {
		readDir = cmdline.ExpandHome(readDir)
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return nil
	}
	var out []pathMatch
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			name += "/"
		}
		out = append(out, pathMatch{path: dir + name, dir: e.IsDir()})
	}
	return out
}

// pathWord is path as it is typed: bare when the lexer reads it back as
// one word and no quote is open, else quoted (left open for a directory).
func pathWord(path string, quoted, dir bool) string {
	switch {
	case !quoted && cmdline.Quote(path) == path:
		return path
	case dir:
		return cmdline.OpenQuote(path)
	}
	return cmdline.OpenQuote(path) + `"`
}

// rewritePath is the word that replaces frag, a bare path, when a name it
// begins needs quotes: that name quoted (a file's followed by a space),
// or, for several names, an opening quote and what they all begin with.
// A leading ~/ is expanded first, since "~/x" quoted is a directory
// named ~ (cmdline.PathOf).
func rewritePath(frag string) (string, bool) {
	dir, base := filepath.Split(frag)
	if expanded := cmdline.ExpandHome(dir); expanded != dir {
		frag = strings.TrimSuffix(expanded, "/") + "/" + base
	}
	var matches []string
	quoted, only := false, pathMatch{}
	for _, m := range pathMatches(frag, false) {
		if !strings.HasPrefix(m.path, frag) || render.Safe(m.path) != m.path {
			continue
		}
		matches, only = append(matches, m.path), m
		quoted = quoted || cmdline.Quote(m.path) != m.path
	}
	switch {
	case !quoted:
		return "", false
	case len(matches) == 1 && only.dir:
		return pathWord(only.path, true, true), true
	case len(matches) == 1:
		return pathWord(only.path, true, false) + " ", true
	}
	return cmdline.OpenQuote(commonPrefix(matches)), true
}

// unescapeOpen reads the inside of a quoted word still being typed: a
// backslash escapes the byte after it (cmdline.Unquote's rule).
func unescapeOpen(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
