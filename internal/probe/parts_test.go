package probe

import (
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

// line is a trace event of one line: 'C' or 'S' and its text.
func line(from byte, text string) client.TraceEvent {
	e := client.TraceEvent{Dir: client.FromServer, Parts: []client.TracePart{{Text: []byte(text)}}}
	if from == 'C' {
		e.Dir = client.FromClient
	}
	return e
}

func TestRecorder(t *testing.T) {
	r := NewRecorder()
	r.Trace(line('C', "A1 NOOP")) // no step open: dropped
	r.Begin()
	r.Trace(line('C', `A2 LIST "" %`))
	r.Trace(line('S', `* LIST () "/" INBOX`))
	r.Trace(client.TraceEvent{Dir: client.FromClient, Parts: []client.TracePart{{Text: []byte("A3 LOGIN bob ")}, {Secret: true}}})
	r.Trace(line('S', ""))
	lines, dropped := r.End()
	want := []string{`C: A2 LIST "" %`, `S: * LIST () "/" INBOX`, "C: A3 LOGIN bob ***", "S: "}
	if len(lines) != len(want) || dropped != 0 {
		t.Fatalf("lines %v dropped %d", lines, dropped)
	}
	for i, l := range lines {
		if l.String() != want[i] {
			t.Errorf("line %d: %q, want %q", i, l.String(), want[i])
		}
	}
}

func TestRecorderBounds(t *testing.T) {
	r := NewRecorder()
	r.Begin()
	r.Trace(line('S', strings.Repeat("x", 3*maxLineBytes)))
	for i := 0; i < maxStepLines+5; i++ {
		r.Trace(line('S', "* 1 EXISTS"))
	}
	lines, dropped := r.End()
	if len(lines) != maxStepLines || dropped != 6 {
		t.Fatalf("%d lines, %d dropped", len(lines), dropped)
	}
	if !strings.HasSuffix(lines[0].Text, "[... 4096 more bytes]") || len(lines[0].Text) > maxLineBytes+40 {
		t.Errorf("long line kept as %d bytes", len(lines[0].Text))
	}
}

func TestEvidence(t *testing.T) {
	st := &Step{Label: "NOOP"}
	for i := 0; i < 20; i++ {
		st.Lines = append(st.Lines, Line{From: 'S', Text: "* 1 EXISTS"})
	}
	st.Lines = append([]Line{{From: 'C', Text: "A1 NOOP"}}, st.Lines...)
	st.Lines = append(st.Lines, Line{From: 'S', Text: "A1 OK " + strings.Repeat("y", 300)})
	sent, received := evidence(st)
	if len(sent) != 1 || len(received) != maxEvidenceReceived {
		t.Fatalf("sent %v received %v", sent, received)
	}
	if received[maxEvidenceReceived-3] != "[... 12 more lines]" || !strings.Contains(received[len(received)-1], "more bytes]") {
		t.Errorf("received %q", received)
	}
	none := &Step{Label: "CAPABILITY", Err: errStopped}
	if s, r := evidence(none); s[0] != "CAPABILITY" || !strings.HasPrefix(r[0], "error: ") {
		t.Errorf("without a trace: %v %v", s, r)
	}
}

func TestAnnounced(t *testing.T) {
	caps := []string{"IMAP4rev1", "IMAP4rev2", "THREAD=REFERENCES", "QUOTA=RES-STORAGE", "literal+"}
	tests := []struct {
		ext     string
		ok      bool
		viaRev2 bool
	}{
		{"THREAD", true, false}, {"QUOTA", true, false}, {"LITERAL+", true, false},
		{"MOVE", true, true}, {"STATUS=SIZE", true, true}, {"SORT", false, false}, {"QRESYNC", false, false},
	}
	for _, tt := range tests {
		ok, via := announcedIn(caps, tt.ext)
		if ok != tt.ok || (via == "IMAP4rev2") != tt.viaRev2 {
			t.Errorf("%s: %v %q", tt.ext, ok, via)
		}
	}
	if ok, _ := announcedIn([]string{"IMAP4rev1"}, "MOVE"); ok {
		t.Error("MOVE without IMAP4rev2")
	}
}

func TestDiffCaps(t *testing.T) {
	ch := diffCaps([]string{"IMAP4rev1", "AUTH=PLAIN", "IDLE"}, []string{"imap4rev1", "IDLE", "SORT", "MOVE"})
	if strings.Join(ch.Added, " ") != "MOVE SORT" || strings.Join(ch.Removed, " ") != "AUTH=PLAIN" {
		t.Errorf("%+v", ch)
	}
	if diffCaps([]string{"A"}, []string{"a"}) != nil {
		t.Error("same list in another case differs")
	}
}

func TestPercentile(t *testing.T) {
	var s []time.Duration
	for i := 1; i <= 20; i++ {
		s = append(s, time.Duration(i)*time.Millisecond)
	}
	if p := percentile(s, 50); p != 10*time.Millisecond {
		t.Errorf("median %v", p)
	}
	if p := percentile(s, 95); p != 19*time.Millisecond {
		t.Errorf("p95 %v", p)
	}
	if p := percentile(s[:1], 95); p != time.Millisecond {
		t.Errorf("one sample %v", p)
	}
}
