package outfile

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeName(t *testing.T) {
	tests := map[string]string{
		"report.pdf":                      "report.pdf",
		"Grüße aus Köln.txt":              "Grüße aus Köln.txt",
		"../../etc/passwd":                "passwd",
		`C:\Users\bob\evil.exe`:           "evil.exe",
		"..":                              "",
		".":                               "",
		"dir/":                            "",
		".bashrc":                         "bashrc",
		"  spaced  ":                      "spaced",
		"bell\athen\x1b[2Jclear":          "bell_then_[2Jclear",
		"invoice\u202Efdp.exe":            "invoice_fdp.exe", // RIGHT-TO-LEFT OVERRIDE
		"new\nline.txt":                   "new_line.txt",
		"bad\xffutf8.bin":                 "bad_utf8.bin",
		"":                                "",
		"日本語の資料.pdf":                      "日本語の資料.pdf",
		"/":                               "",
		"a/../..":                         "",
		"trailing.dots...":                "trailing.dots...",
		strings.Repeat("x", 300):          strings.Repeat("x", 200),
		strings.Repeat("é", 150) + ".pdf": strings.Repeat("é", 98) + ".pdf",
	}
	for in, want := range tests {
		got := SafeName(in)
		if got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
		if strings.ContainsAny(got, `/\`) || len(got) > maxNameBytes || !utf8.ValidString(got) {
			t.Errorf("SafeName(%q) = %q is not a safe name", in, got)
		}
	}
}

func FuzzSafeName(f *testing.F) {
	for _, seed := range []string{"report.pdf", "../x", "a\u202Eb", ".."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := SafeName(in)
		if got == "." || got == ".." || strings.ContainsAny(got, "/\\\x00\n\r") || strings.HasPrefix(got, ".") || len(got) > maxNameBytes || !utf8.ValidString(got) {
			t.Errorf("SafeName(%q) = %q", in, got)
		}
	})
}
