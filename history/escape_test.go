package history

import "testing"

func TestEscapeEntry(t *testing.T) {
	tests := []struct{ entry, line string }{
		{"select INBOX", "select INBOX"},
		{"store 1 +flags \\Seen", `store 1 +flags \Seen`},
		{"a\nb", `a\nb`},
		{"a\r\nb", `a\r\nb`},
		{`a\nb`, `a\\nb`},
		{`a\`, `a\\`},
		{"a\\\nb", `a\\\nb`},
	}
	for _, tt := range tests {
		if got := escapeEntry(tt.entry); got != tt.line {
			t.Errorf("escapeEntry(%q) = %q, want %q", tt.entry, got, tt.line)
		}
		if got := unescapeEntry(tt.line); got != tt.entry {
			t.Errorf("unescapeEntry(%q) = %q, want %q", tt.line, got, tt.entry)
		}
	}
}
