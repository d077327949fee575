package render

import (
	"bytes"
	"strings"
	"testing"

	"imapsh/client"
)

// renderSection renders one FETCH of message seq with section s.
func renderSection(t *testing.T, seq uint32, s client.BodySection, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Response(&buf, &client.FetchData{Seq: seq, Sections: []client.BodySection{s}}, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestSectionLimits(t *testing.T) {
	line := "0123456789 abcdefghijklmnopqrstuvwxyz\r\n" // 39 bytes
	tests := []struct {
		name      string
		seq       uint32
		section   client.BodySection
		opt       Options
		lines     int    // lines of body text shown
		lastLine  string // the final line of output
		wantShown string // a line that must appear
	}{
		{"short text is whole", 1, client.BodySection{Name: "BODY[1]", Section: "1", Data: []byte(strings.Repeat(line, 10))}, Options{},
			10, "    0123456789 abcdefghijklmnopqrstuvwxyz", ""},
		{"500 lines at most", 7, client.BodySection{Name: "BODY[1]", Section: "1", Data: []byte(strings.Repeat(line, 600))}, Options{},
			500, "    (… 3.8 KiB more; fetch 7 BODY.PEEK[1] > FILE to save it)", ""},
		{"64 KiB at most", 9, client.BodySection{Name: "BODY[TEXT]", Section: "TEXT", Data: []byte(strings.Repeat("x", 100<<10))}, Options{},
			1, "    (… 36 KiB more; fetch 9 BODY.PEEK[TEXT] > FILE to save it)", "    " + strings.Repeat("x", 64<<10)},
		{"a 20 MiB section", 100000, client.BodySection{Name: "BODY[2]", Section: "2", Data: []byte(strings.Repeat("y", 21_400_000))}, Options{},
			1, "    (… 20.3 MiB more; fetch 100000 BODY.PEEK[2] > FILE to save it)", ""},
		{"MaxSection sets the byte limit", 3, client.BodySection{Name: "BINARY[1]", Section: "1", Data: []byte(strings.Repeat(line, 10))}, Options{MaxSection: 78},
			2, "    (… 312 B more; fetch 3 BINARY.PEEK[1] > FILE to save it)", ""},
		{"a cut keeps whole characters", 3, client.BodySection{Name: "RFC822.TEXT", Data: []byte("ab€€€\r\n")}, Options{MaxSection: 4},
			1, "    (… 11 B more; fetch 3 BODY.PEEK[TEXT] > FILE to save it)", "    ab"},
		{"negative MaxSection shows all", 1, client.BodySection{Name: "BODY[1]", Section: "1", Data: []byte(strings.Repeat(line, 600))}, Options{MaxSection: -1},
			600, "    0123456789 abcdefghijklmnopqrstuvwxyz", ""},
		{"RFC822 peeks at BODY[]", 5, client.BodySection{Name: "RFC822", Data: []byte(strings.Repeat(line, 3))}, Options{MaxSection: 39},
			1, "    (… 78 B more; fetch 5 BODY.PEEK[] > FILE to save it)", ""},
	}
	for _, tt := range tests {
		out := strings.Split(strings.TrimSuffix(renderSection(t, tt.seq, tt.section, tt.opt), "\n"), "\n")
		body := out[2:] // the #N header and the section's heading
		if strings.Contains(out[len(out)-1], " more; ") {
			body = body[:len(body)-1]
		}
		if len(body) != tt.lines {
			t.Errorf("%s: %d lines of text, want %d", tt.name, len(body), tt.lines)
		}
		if got := out[len(out)-1]; got != tt.lastLine {
			t.Errorf("%s: last line %q, want %q", tt.name, got, tt.lastLine)
		}
		if tt.wantShown != "" && !strings.Contains(strings.Join(out, "\n")+"\n", tt.wantShown+"\n") {
			t.Errorf("%s: output lacks %q", tt.name, tt.wantShown)
		}
	}
}

func TestBase64Summary(t *testing.T) {
	full := "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n" // 76 characters
	tests := []struct {
		name string
		data string
		want []string // the lines after the heading
	}{
		{"a base64 part", strings.Repeat(full, 5) + "QUJD\r\n", []string{"(base64 data, 396 B)"}},
		{"two lines stay text", full + "QUJD\r\n", []string{strings.TrimSpace(full), "QUJD"}},
		{"60 characters count", strings.Repeat(strings.Repeat("A", 60)+"\n", 3), []string{"(base64 data, 183 B)"}},
		{"59 characters do not", strings.Repeat(strings.Repeat("A", 59)+"\n", 3), []string{strings.Repeat("A", 59), strings.Repeat("A", 59), strings.Repeat("A", 59)}},
		{"77 characters do not", strings.Repeat(strings.Repeat("A", 77)+"\n", 1)[:78], []string{strings.Repeat("A", 77)}},
		{"text around a run is kept", "Content-Transfer-Encoding: base64\r\n\r\n" + strings.Repeat(full, 3) + "QUJD\r\nThanks\r\n--b--\r\n",
			[]string{"Content-Transfer-Encoding: base64", "", "(base64 data, 240 B)", "Thanks", "--b--"}},
		{"a word after a run is not swallowed", strings.Repeat(full, 3) + "Thanks\r\n", []string{"(base64 data, 234 B)", "Thanks"}},
		{"spaces are not base64", strings.Repeat(strings.Repeat("ab ", 22)+"\n", 4), []string{strings.Repeat("ab ", 22), strings.Repeat("ab ", 22), strings.Repeat("ab ", 22), strings.Repeat("ab ", 22)}},
	}
	for _, tt := range tests {
		out := strings.Split(strings.TrimSuffix(renderSection(t, 1, client.BodySection{Name: "BODY[2]", Section: "2", Data: []byte(tt.data)}, Options{}), "\n"), "\n")
		got := out[2:]
		for i := range got {
			got[i] = strings.TrimPrefix(got[i], "    ")
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestSectionCapIsSafe cuts a hostile body inside an escape sequence and
// inside a multi-byte character: nothing raw may reach the terminal, and
// nothing after the cut is shown.
func TestSectionCapIsSafe(t *testing.T) {
	data := strings.Repeat("a"+evil+"\u00e9"+strings.Repeat(" plain text", 10)+"\r\n", 50) + "SECRET-TAIL\r\n"
	for max := 1; max <= 300; max++ {
		out := renderSection(t, 1, client.BodySection{Name: "BODY[1]", Section: "1", Data: []byte(data)}, Options{MaxSection: max, Color: true})
		assertClean(t, out)
		if strings.Contains(out, "SECRET-TAIL") || !strings.Contains(out, "more; fetch 1 BODY.PEEK[1]") {
			t.Fatalf("MaxSection %d: cut missing:\n%s", max, out)
		}
	}
	out := renderSection(t, 1, client.BodySection{Name: "BODY[1]", Section: "1", Data: []byte(data)}, Options{})
	assertClean(t, out)
	if n := strings.Count(out, `\x1b[2J`); n != 50 {
		t.Errorf("escaped sequence shown %d times, want 50", n)
	}
}

// FuzzSection renders arbitrary section data with arbitrary limits: the
// output is always clean, and never has more lines than the limit allows.
func FuzzSection(f *testing.F) {
	f.Add([]byte("Hallo\r\n\tWelt\r\n"), 0)
	f.Add([]byte(base64Body(400)), 5)
	f.Add([]byte("a"+evil+"\u00e9\r\n"), 3)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		out := renderSection(t, 1, client.BodySection{Name: "BODY[1]", Section: "1", Data: data}, Options{MaxSection: max % 1000})
		assertClean(t, out)
		if n := strings.Count(out, "\n"); n > maxSectionLines+3 {
			t.Fatalf("%d lines", n)
		}
	})
}
