package render

import (
	"testing"

	"imapsh/client"
)

// TestOtherParamsQuoting: a value that MIME itself would have to quote
// (an RFC 2045 tspecial in it) is shown quoted, so that the line reads
// back: boundary="=_imaplab_3" was shown as boundary==_imaplab_3.
func TestOtherParamsQuoting(t *testing.T) {
	for _, tt := range []struct {
		value, want string
	}{
		{"flowed", "x=flowed"},
		{"=_imaplab_3_37cebaf5", `x="=_imaplab_3_37cebaf5"`},
		{"a b", `x="a b"`},
		{"a;b", `x="a;b"`},
		{"text/html", `x="text/html"`},
		{"", `x=""`},
	} {
		if got := otherParams([]client.Param{{Name: "X", Value: tt.value}}); got != tt.want {
			t.Errorf("otherParams(%q) = %s, want %s", tt.value, got, tt.want)
		}
	}
}
