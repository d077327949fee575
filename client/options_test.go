package client

import (
	"strings"
	"testing"
)

func TestOptionNames(t *testing.T) {
	tests := map[string]string{
		"":                                      "",
		"()":                                    "",
		"CHILDREN":                              "CHILDREN",
		"(children status (messages))":          "CHILDREN STATUS",
		"CHILDREN STATUS (MESSAGES) SUBSCRIBED": "CHILDREN STATUS SUBSCRIBED",
		"(MIN PARTIAL -1:-100)":                 "MIN PARTIAL -1:-100",
		"(A) (B)":                               "",
		"MIN\tMAX":                              "MIN MAX",
	}
	for in, want := range tests {
		if got := strings.Join(optionNames(in), " "); got != want {
			t.Errorf("optionNames(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidPartialRange(t *testing.T) {
	for s, want := range map[string]bool{"1:100": true, "-1:-100": true, "100:1": true, "4294967295:1": true,
		"0:1": false, "1:-1": false, "-1:1": false, "1": false, "": false, "1:4294967296": false, "01:2": false} {
		if got := validPartialRange(s); got != want {
			t.Errorf("validPartialRange(%q) = %v", s, got)
		}
	}
}
