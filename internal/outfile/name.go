package outfile

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds a file name taken from a server (most file systems
// allow 255 bytes).
const maxNameBytes = 200

// SafeName turns a file name that a server or a sender chose (an
// attachment's Content-Disposition filename, RFC 2183, or Content-Type
// name) into one that is safe to create in the current directory, or ""
// when nothing usable is left. It never yields a path: directories
// (either slash) are stripped, "." and ".." refused, control, format
// (bidi overrides) and other invisible characters replaced by "_",
// leading dots and spaces dropped (no hidden file), and the length
// bounded, the extension kept.
func SafeName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(strings.TrimLeft(name, ". "), " ")
	if name == "" || name == "." || name == ".." {
		return ""
	}
	return shorten(name)
}

// shorten cuts name to maxNameBytes on a rune boundary, keeping a short
// extension.
func shorten(name string) string {
	if len(name) <= maxNameBytes {
		return name
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 16 {
		name, ext = name[:i], name[i:]
	}
	cut := maxNameBytes - len(ext)
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + ext
}
