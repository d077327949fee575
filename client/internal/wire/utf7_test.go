package wire

import (
	"errors"
	"testing"
)

func TestModifiedUTF7RoundTrip(t *testing.T) {
	tests := []struct{ utf8, utf7 string }{
		{"INBOX", "INBOX"},
		{"&", "&-"},
		{"a&b", "a&-b"},
		{"Ärger & Co", "&AMQ-rger &- Co"},
		{"Lab/Ünïcødé/日本語", "Lab/&ANw-n&AO8-c&APg-d&AOk-/&ZeVnLIqe-"},
		{"~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"},
		{"😀", "&2D3eAA-"},
		{"tab\there", "tab&AAk-here"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := EncodeMailbox(tt.utf8); got != tt.utf7 {
			t.Errorf("EncodeMailbox(%q) = %q, want %q", tt.utf8, got, tt.utf7)
		}
		got, err := DecodeMailbox(tt.utf7)
		if err != nil || got != tt.utf8 {
			t.Errorf("DecodeMailbox(%q) = %q, %v, want %q", tt.utf7, got, err, tt.utf8)
		}
	}
}

func TestModifiedUTF7Invalid(t *testing.T) {
	for _, in := range []string{
		"&",           // no terminating '-'
		"a&ANw",       // unterminated shift
		"&AGE-",       // printable ASCII encoded ("a")
		"&A!w-",       // not base64
		"&ANw=-",      // padding is not allowed
		"&AA-",        // odd number of bytes
		"&2D0-",       // lone high surrogate
		"&Jjo-&-&Jjo", // bad tail after good chunks
	} {
		got, err := DecodeMailbox(in)
		if !errors.Is(err, ErrBadUTF7) {
			t.Errorf("DecodeMailbox(%q) = %q, %v, want ErrBadUTF7", in, got, err)
		}
		if got != in {
			t.Errorf("DecodeMailbox(%q) returned %q, want the input unchanged", in, got)
		}
	}
}
