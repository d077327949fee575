package client_test

import (
	"testing"

	"imapsh/client"
)

// TestCapabilityErrorText: a command that any of several capabilities
// allows names them with "or", as the shell's own refusals do
// ("search: needs the server capability ESEARCH or IMAP4rev2"); Cap keeps
// them joined by "|" for code. Before, the user read "ESEARCH|IMAP4rev2".
func TestCapabilityErrorText(t *testing.T) {
	tests := []struct{ cap, want string }{
		{"ESEARCH|IMAP4rev2", "client: SEARCH needs the server capability ESEARCH or IMAP4rev2"},
		{"CONDSTORE", "client: SEARCH needs the server capability CONDSTORE"},
	}
	for _, tt := range tests {
		if got := (&client.CapabilityError{Command: "SEARCH", Cap: tt.cap}).Error(); got != tt.want {
			t.Errorf("Cap %q: %q, want %q", tt.cap, got, tt.want)
		}
	}
}
