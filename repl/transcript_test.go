package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// ev builds a trace event: "C"/"S", the line's parts (a part "***" is
// secret), and for a client line its tag and command, for a server line
// its tag and status.
func ev(dir, tag, word string, parts ...string) client.TraceEvent {
	e := client.TraceEvent{Dir: client.FromServer, Tag: tag, Status: word}
	if dir == "C" {
		e = client.TraceEvent{Dir: client.FromClient, Tag: tag, Command: word}
	}
	for _, p := range parts {
		e.Parts = append(e.Parts, client.TracePart{Text: []byte(p), Secret: p == "***"})
	}
	return e
}

func TestTranscriptWriter(t *testing.T) {
	tests := []struct {
		name   string
		events []client.TraceEvent
		want   string // after the header
	}{
		{"login password becomes the quoted placeholder",
			[]client.TraceEvent{ev("S", "", "", "* OK ready"), ev("C", "A1", "LOGIN", "A1 LOGIN alice ", "***"), ev("S", "A1", "OK", "A1 OK done")},
			"S: * OK ready\nC: A1 LOGIN alice \"***\"\nS: A1 OK done\n"},
		{"a *** typed as data is data",
			[]client.TraceEvent{ev("C", "A1", "SEARCH", "A1 SEARCH TEXT ***x")},
			"C: A1 SEARCH TEXT ***x\n"},
		{"starttls OK adds the directive",
			[]client.TraceEvent{ev("C", "A1", "STARTTLS", "A1 STARTTLS"), ev("S", "A1", "OK", "A1 OK begin"), ev("C", "A2", "CAPABILITY", "A2 CAPABILITY")},
			"C: A1 STARTTLS\nS: A1 OK begin\n!starttls\nC: A2 CAPABILITY\n"},
		{"refused starttls adds nothing",
			[]client.TraceEvent{ev("C", "A1", "STARTTLS", "A1 STARTTLS"), ev("S", "", "", "* OK hm"), ev("S", "A1", "BAD", "A1 BAD no")},
			"C: A1 STARTTLS\nS: * OK hm\nS: A1 BAD no\n"},
		{"masked SASL data is flagged",
			[]client.TraceEvent{ev("C", "A1", "AUTHENTICATE", "A1 AUTHENTICATE PLAIN ", "***"), ev("S", "", "", "+ "), ev("C", "", "", "***")},
			"# masked secret: this exchange does not replay as recorded\nC: A1 AUTHENTICATE PLAIN ***\nS: + \n" +
				"# masked secret: this exchange does not replay as recorded\nC: ***\n"},
		{"empty lines", []client.TraceEvent{ev("C", "", ""), ev("S", "", "")}, "C: \nS: \n"},
		{"a kept CR is escaped", []client.TraceEvent{ev("S", "", "", "* OK a\\b\r")}, "Sx: * OK a\\\\b\\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			w := NewTranscriptWriter(&b)
			for _, e := range tt.events {
				w.Trace(e)
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
	h := newHarness(t, func(c *Config) { c.Tap = tap; c.Connect = demoConnector(startDemo(t), tap) })
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
