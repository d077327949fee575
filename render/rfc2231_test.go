package render

import (
	"testing"

	"imapsh/client"
)

func TestFileName(t *testing.T) {
	p := prm
	tests := []struct {
		name       string
		disp, typ  []client.Param
		wantResult string
	}{
		{"filename* wins over filename", []client.Param{p("filename", "report.pdf"), p("filename*", "UTF-8''Jahresbericht%20%C3%9C.pdf")}, nil, "Jahresbericht Ü.pdf"},
		{"filename* alone", []client.Param{p("FILENAME*", "utf-8''%E6%97%A5%E6%9C%AC.bin")}, nil, "日本.bin"},
		{"filename* with a language", []client.Param{p("filename*", "us-ascii'en-us'This%20is%20fun.txt")}, nil, "This is fun.txt"},
		{"filename* in latin1", []client.Param{p("filename*", "ISO-8859-1''caf%E9.txt")}, nil, "café.txt"},
		{"encoded continuations", []client.Param{p("filename*1*", "%20%C3%BCber.txt"), p("filename*0*", "UTF-8''Notizen")}, nil, "Notizen über.txt"},
		{"mixed continuations", []client.Param{p("filename*0*", "UTF-8''%C3%9C"), p("filename*1", "ber 100%.txt")}, nil, "Über 100%.txt"},
		{"plain continuations", []client.Param{p("filename*0", "long "), p("filename*1", "name.png")}, nil, "long name.png"},
		{"plain continuations keep %", []client.Param{p("filename*0", "100%"), p("filename*1", "25.txt")}, nil, "100%25.txt"},
		{"a gap ends the continuations", []client.Param{p("filename*0", "a"), p("filename*2", "c")}, nil, "a"},
		{"filename*00 is not a continuation", []client.Param{p("filename*00", "x"), p("filename", "y.txt")}, nil, "y.txt"},
		{"filename before name*", []client.Param{p("filename", "=?UTF-8?Q?M=C3=A4rz.pdf?=")}, []client.Param{p("name*", "UTF-8''other.pdf")}, "März.pdf"},
		{"name* wins over name", nil, []client.Param{p("name", "x.ogg"), p("name*", "iso-8859-1'fr'chanson%E9.ogg")}, "chansoné.ogg"},
		{"name continuations", nil, []client.Param{p("name*0*", "UTF-8''a%20"), p("name*1*", "b")}, "a b"},
		{"name alone", nil, []client.Param{p("NAME", "plain.txt")}, "plain.txt"},
		{"unknown charset kept as sent", []client.Param{p("filename*", "x-klingon''Qapla%27")}, nil, "x-klingon''Qapla%27"},
		{"bad percent kept as sent", []client.Param{p("filename*", "UTF-8''100%zz")}, nil, "UTF-8''100%zz"},
		{"no quotes kept as sent", []client.Param{p("filename*", "plain.txt")}, nil, "plain.txt"},
		{"empty filename* falls back", []client.Param{p("filename*", "UTF-8''"), p("filename", "f.txt")}, nil, "f.txt"},
		{"none", nil, []client.Param{p("charset", "utf-8")}, ""},
	}
	for _, tt := range tests {
		b := &client.BodyStructure{Params: tt.typ, DispParams: tt.disp}
		if got := fileName(b); got != tt.wantResult {
			t.Errorf("%s: fileName = %q, want %q", tt.name, got, tt.wantResult)
		}
	}
}

// TestRFC2231NameIsSafe: a bidi override or an escape sequence hidden in
// %XX reaches the terminal escaped.
func TestRFC2231NameIsSafe(t *testing.T) {
	b := &client.BodyStructure{Type: "application", Subtype: "octet-stream", Encoding: "base64", Size: 10,
		DispParams: []client.Param{prm("filename*0*", "UTF-8''%1B%5D0%3Bpwned%07"), prm("filename*1*", "%E2%80%AEgnp.exe")}}
	got := leafLabel(NewTheme(false), b)
	want := `application/octet-stream "\x1b]0;pwned\x07\u202egnp.exe" base64 10 B`
	if got != want {
		t.Errorf("leafLabel = %q, want %q", got, want)
	}
}
