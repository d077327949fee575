package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

func TestTranscriptWriter(t *testing.T) {
	tests := []struct {
		name  string
		trace []string // written one Write each
		want  string   // after the header
	}{
		{"login password becomes the quoted placeholder",
			[]string{"S: * OK ready\n", "C: A1 LOGIN alice ***\n", "S: A1 OK done\n"},
			"S: * OK ready\nC: A1 LOGIN alice \"***\"\nS: A1 OK done\n"},
		{"lines split across writes",
			[]string{"S: * OK re", "ady\nC: A1 NO", "OP\n"},
			"S: * OK ready\nC: A1 NOOP\n"},
		{"starttls OK adds the directive",
			[]string{"C: A1 STARTTLS\n", "S: A1 OK begin\n", "C: A2 CAPABILITY\n"},
			"C: A1 STARTTLS\nS: A1 OK begin\n!starttls\nC: A2 CAPABILITY\n"},
		{"refused starttls adds nothing",
			[]string{"C: A1 STARTTLS\n", "S: * OK hm\n", "S: A1 BAD no\n"},
			"C: A1 STARTTLS\nS: * OK hm\nS: A1 BAD no\n"},
		{"masked SASL data is flagged",
			[]string{"C: A1 AUTHENTICATE PLAIN ***\n", "S: + \n", "C: ***\n"},
			"# masked secret: this exchange does not replay as recorded\nC: A1 AUTHENTICATE PLAIN ***\nS: + \n" +
				"# masked secret: this exchange does not replay as recorded\nC: ***\n"},
		{"empty lines", []string{"C: \n", "S: \n"}, "C: \nS: \n"},
		{"a kept CR is escaped", []string{"S: * OK a\\b\r\n"}, "Sx: * OK a\\\\b\\r\n"},
		{"non-wire lines become comments", []string{"hello\n"}, "# hello\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			w := NewTranscriptWriter(&b)
			for _, p := range tt.trace {
				if n, err := w.Write([]byte(p)); n != len(p) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			got, ok := strings.CutPrefix(b.String(), transcriptHeader)
			if !ok || got != tt.want {
				t.Errorf("got:\n%s\nwant (after the header):\n%s", b.String(), tt.want)
			}
			if _, err := clienttest.ParseTranscript(b.String()); err != nil {
				t.Errorf("the transcript does not parse: %v", err)
			}
		})
	}
}

// TestTranscriptReplays records a shell session against the demo through
// a TranscriptWriter and replays the transcript against the same lines,
// logging in with the placeholder password.
func TestTranscriptReplays(t *testing.T) {
	var transcript lockedBuffer
	tap := NewWireTap(NewTranscriptWriter(&transcript))
	h := newHarness(t, func(c *Config) { c.Trace = tap; c.Connect = demoConnector(startDemo(t), tap) })
	lines := []string{"select INBOX", "fetch 1:3 (UID FLAGS ENVELOPE)", `search SUBJECT "weekly digest"`,
		`store 3 +flags \Flagged`, "fetch 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]", "logout"}
	if code := h.run(append([]string{"login demo demo"}, lines...)...); code != ExitOK {
		t.Fatalf("recording: exit status %d: %s", code, h.stderr)
	}
	if !strings.Contains(transcript.String(), `LOGIN demo "***"`) || strings.Contains(transcript.String(), "LOGIN demo demo") {
		t.Fatalf("transcript login line:\n%s", transcript.String())
	}

	conn := clienttest.Serve(t, transcript.String())
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	sess := NewSession(Config{Stdout: &out, Stderr: &out}, c, &Target{URL: "replay"})
	code := sess.Run(context.Background(), &scripted{lines: append([]string{"login demo ***"}, lines...)})
	if code != ExitOK {
		t.Errorf("replay: exit status %d:\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "weekly digest") {
		t.Errorf("replayed output lacks the fetched subject:\n%s", out.String())
	}
}
