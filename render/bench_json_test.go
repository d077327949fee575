package render

import (
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"os"
	"testing"
	"time"

	"imapsh/client"
)

// jsonBenchFetches builds n FETCH (UID FLAGS ENVELOPE RFC822.SIZE)
// answers like the lab's (internal/bench/genmail.go, parsed as Dovecot
// sends them): about 30% RFC 2047 encoded names and subjects, sender and
// reply-to repeating from, \Seen and \Recent on most messages.
func jsonBenchFetches(n int) []*client.FetchData {
	r := rand.New(rand.NewPCG(10, 0x150))
	names := []string{"Alice Smith", "Bob Jones", "Carol Miller", "Dave Brown", "Eve Taylor", "Mallory Wilson"}
	uniNames := []string{"Jürgen Müller", "Zoë Ångström", "Иван Петров", "山田太郎", "François Làbbé"}
	subjects := []string{"Quarterly report", "Lunch on Friday?", "Re: build failures", "Invoice #4711", "Weekly sync"}
	uniSubjects := []string{"Grüße aus München", "Отчёт за квартал", "会議の議事録", "Emoji test 🎉🚀"}
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	fs := make([]*client.FetchData, n)
	for i := range fs {
		name, subject := pick(names), pick(subjects)
		if r.Float64() < 0.3 {
			name, subject = mime.QEncoding.Encode("UTF-8", pick(uniNames)), mime.BEncoding.Encode("UTF-8", pick(uniSubjects))
		}
		from := []client.Address{{Name: name, Mailbox: fmt.Sprintf("user%d", i%1000), Host: "example.org"}}
		fs[i] = &client.FetchData{Seq: uint32(i + 1), UID: uint32(i + 1), Flags: []string{`\Seen`, `\Recent`}, HasFlags: true,
			Size: uint64(500 + r.IntN(4000)), HasSize: true, Envelope: &client.Envelope{
				Date:    t0.Add(time.Duration(i*600+r.IntN(600)) * time.Second).Format(time.RFC1123Z),
				Subject: subject, From: from, Sender: from, ReplyTo: from,
				To:        []client.Address{{Name: "Bob Brown", Mailbox: "bob", Host: "example.com"}},
				MessageID: fmt.Sprintf("<%d.%x@bench.example>", i, r.Uint32()),
			}}
	}
	return fs
}

// countingWriter counts what is written to it, and the writes.
type countingWriter struct{ n, writes int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	c.writes++
	return len(p), nil
}

// BenchmarkJSONFetch writes the --json object of a FETCH of 1,000
// messages (UID FLAGS ENVELOPE RFC822.SIZE), as the shell streams it for
// `fetch 1:* ...` (issue 10: the JSON output path):
//
//	go test ./render -run '^$' -bench JSONFetch -benchmem
func BenchmarkJSONFetch(b *testing.B) {
	fs := jsonBenchFetches(1000)
	var out countingWriter
	write := func(w io.Writer) {
		j := OpenJSON(w, "fetch 1:* (UID FLAGS ENVELOPE RFC822.SIZE)")
		for _, f := range fs {
			j.Add(f)
		}
		j.Close(JSONTail{Tag: "A3", Status: "OK", Text: "Fetch completed", ElapsedMS: 1234.5})
	}
	write(&out)
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devNull.Close()
	b.SetBytes(out.n)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		write(devNull) // as `imapsh --json > /dev/null`: a system call per write
	}
	b.ReportMetric(float64(out.writes), "writes/op")
}
