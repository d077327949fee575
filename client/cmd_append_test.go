package client_test

import (
	"strings"
	"testing"

	"imapsh/client"
)

func TestEightBitHeader(t *testing.T) {
	long := strings.Repeat("X-Pad: "+strings.Repeat("a", 70)+"\r\n", 1000) // 78 KB of header
	tests := []struct {
		name, msg string
		want      bool
	}{
		{"UTF-8 subject", "From: a@b\r\nSubject: Grüße\r\n\r\nbody\r\n", true},
		{"8-bit body only", "From: a@b\r\nSubject: hi\r\n\r\nGrüße\r\n", false},
		{"LF line ends", "Subject: hi\n\nGrüße\n", false},
		{"LF, 8-bit header", "Subject: Köln\n\nhi\n", true},
		{"no body", "Subject: Köln", true},
		{"ASCII only", "Subject: hi\r\n\r\nhi\r\n", false},
		{"long header, 8-bit after 64 KB", long + "Subject: Grüße\r\n\r\nx", true},
		{"long header, 8-bit body", long + "\r\nGrüße", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		got, err := client.EightBitHeader(strings.NewReader(tt.msg))
		if err != nil || got != tt.want {
			t.Errorf("%s: EightBitHeader = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}
