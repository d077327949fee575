package client_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"imapsh/client"
)

// benchMessages is the size of the generated FETCH answer: like the lab's
// mailbox, about 450 bytes per message.
const benchMessages = 10000

// fetchAnswer is a server's side of a session that selects a mailbox and
// answers FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE); body is the FETCH part.
type fetchAnswer struct {
	all  []byte
	body int
}

var benchAnswer = sync.OnceValue(func() fetchAnswer {
	var b bytes.Buffer
	b.WriteString("* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n")
	b.WriteString("* 10000 EXISTS\r\n* OK [UIDVALIDITY 1] UIDs valid\r\nA1 OK [READ-ONLY] Examine completed\r\n")
	start := b.Len()
	for i := 1; i <= benchMessages; i++ {
		writeFetchResponse(&b, i)
	}
	body := b.Len() - start
	b.WriteString("A2 OK Fetch completed\r\n")
	return fetchAnswer{all: b.Bytes(), body: body}
})

var (
	benchNames = []string{
		`"Alice Example"`, `"=?UTF-8?Q?Bj=C3=B6rn_M=C3=BCller?="`, `NIL`, `"=?ISO-8859-1?Q?Fran=E7ois?="`,
		`"=?UTF-8?B?5bGx55Sw5aSq6YOO?="`, `"O'Brien, Pat"`,
	}
	benchSubjects = []string{
		`"Quarterly report {draft}"`, `"=?UTF-8?B?R3LDvMOfZSBhdXMgZGVtIExhYm9y?="`,
		`"Re: [project] build \"failed\" again"`, `"=?UTF-8?Q?Caf=C3=A9_=E2=98=95_tomorrow?="`, `""`, `NIL`,
	}
	benchFlags = []string{`()`, `(\Seen)`, `(\Seen \Answered)`, `(\Flagged $Label1)`, `(\Seen \Flagged \Answered $Work)`}
)

// writeFetchResponse writes one realistic FETCH response: RFC 2047 words,
// escaped quotes, several addresses, an 8-bit subject as a literal (as
// Dovecot sends it), a reply with In-Reply-To.
func writeFetchResponse(b *bytes.Buffer, i int) {
	addr := func(k int) string {
		return fmt.Sprintf("(%s NIL \"user%d\" \"mail%d.example.org\")", benchNames[k%len(benchNames)], k%97, k%7)
	}
	subject := benchSubjects[i%len(benchSubjects)]
	if i%50 == 0 {
		raw := fmt.Sprintf("Grüße Nr. %d", i)
		subject = fmt.Sprintf("{%d}\r\n%s", len(raw), raw)
	}
	to := addr(i + 1)
	if i%3 == 0 {
		to += addr(i+2) + addr(i+3)
	}
	cc, inReplyTo := "NIL", "NIL"
	if i%4 == 0 {
		cc = "(" + addr(i+5) + ")"
	}
	if i%10 == 0 {
		inReplyTo = fmt.Sprintf(`"<msg%d@mail.example.org>"`, i-1)
	}
	fmt.Fprintf(b, "* %d FETCH (UID %d FLAGS %s RFC822.SIZE %d ENVELOPE (\"Mon, %d Jan 2024 %02d:%02d:00 +0100\" %s (%s) (%s) (%s) (%s) %s NIL %s \"<msg%d@mail.example.org>\"))\r\n",
		i, i+1000, benchFlags[i%len(benchFlags)], 2000+i*37%50000, i%28+1, i%24, i%60,
		subject, addr(i), addr(i), addr(i), to, cc, inReplyTo, i)
}

// answerConn serves a recorded answer and discards what the client writes.
type answerConn struct{ io.Reader }

func (answerConn) Write(p []byte) (int, error) { return len(p), nil }
func (answerConn) Close() error                { return nil }

// parseAnswer runs EXAMINE and FETCH against the recorded answer, handing
// each FETCH to each.
func parseAnswer(tb testing.TB, data []byte, each func(*client.FetchData)) *client.Result {
	c, err := client.New(answerConn{bytes.NewReader(data)}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := c.Select(tb.Context(), "INBOX", client.SelectOptions{ReadOnly: true}); err != nil {
		tb.Fatal(err)
	}
	res, err := c.Fetch(tb.Context(), "1:*", "(UID FLAGS ENVELOPE RFC822.SIZE)", client.FetchOptions{Each: each})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestBenchAnswerParses checks the benchmark's input parses completely and
// correctly, so the benchmark measures real work.
func TestBenchAnswerParses(t *testing.T) {
	n := 0
	res := parseAnswer(t, benchAnswer().all, func(f *client.FetchData) {
		n++
		e := f.Envelope
		if f.UID != f.Seq+1000 || !f.HasFlags || !f.HasSize || e == nil || len(e.From) != 1 || len(e.To) == 0 {
			t.Fatalf("message %d: %+v %+v", f.Seq, f, e)
		}
		if f.Seq%3 == 0 && len(e.To) != 3 {
			t.Fatalf("message %d: want 3 To addresses, got %+v", f.Seq, e.To)
		}
		if f.Seq%50 == 0 && e.Subject != fmt.Sprintf("Grüße Nr. %d", f.Seq) {
			t.Fatalf("message %d: literal subject %q", f.Seq, e.Subject)
		}
		if f.Seq%50 != 0 && f.Seq%6 == 2 && e.Subject != `Re: [project] build "failed" again` {
			t.Fatalf("message %d: quoted subject %q", f.Seq, e.Subject)
		}
	})
	if n != benchMessages || len(res.Responses) != 0 {
		t.Fatalf("Each saw %d FETCH, result kept %d responses", n, len(res.Responses))
	}
}

// BenchmarkFetchEnvelope parses FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE)
// of 10k messages from memory into typed data with the Each callback; MB/s
// is the FETCH part of the answer.
func BenchmarkFetchEnvelope(b *testing.B) {
	answer := benchAnswer()
	b.SetBytes(int64(answer.body))
	b.ReportAllocs()
	for b.Loop() {
		parseAnswer(b, answer.all, func(*client.FetchData) {})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchMessages), "ns/msg")
}

// BenchmarkFetchDrain is the floor: reading the same answer line by line
// without parsing (what internal/bench calls the raw drain).
func BenchmarkFetchDrain(b *testing.B) {
	answer := benchAnswer()
	b.SetBytes(int64(answer.body))
	b.ReportAllocs()
	for b.Loop() {
		r := bufio.NewReaderSize(bytes.NewReader(answer.all), 64<<10)
		for {
			line, err := r.ReadSlice('\n')
			if err != nil || bytes.HasPrefix(line, []byte("A2 ")) {
				break
			}
		}
	}
}
