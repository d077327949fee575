package render

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"testing"
	"time"

	"imapsh/client"
)

// benchFetchRows builds n FETCH (UID FLAGS ENVELOPE RFC822.SIZE) answers
// with the header mix of the lab's genmail (internal/bench/genmail.go):
// about 30% RFC 2047 encoded names and subjects in many scripts, the
// Date header as RFC 1123 with a numeric zone, \Seen and \Recent on most
// messages, a few \Flagged and \Answered.
func benchFetchRows(n int) []*client.FetchData {
	r := rand.New(rand.NewPCG(10, 0x1ab))
	first := []string{"Alice", "Bob", "Carol", "Dave", "Eve", "Mallory", "Trent", "Peggy", "Victor", "Walter"}
	last := []string{"Smith", "Jones", "Miller", "Brown", "Taylor", "Wilson", "Martin", "Lee"}
	uniNames := []string{"Jürgen Müller", "Zoë Ångström", "Søren Kierkegård", "José Nuñez", "Ørjan Ødegård",
		"Иван Петров", "李小龙", "山田太郎", "Αλέξανδρος Παπαδόπουλος", "François Làbbé"}
	subjects := []string{"Quarterly report", "Lunch on Friday?", "Re: build failures", "Meeting notes",
		"Invoice #4711", "Your order has shipped", "Weekly sync", "Server migration plan",
		"Holiday schedule", "Code review request", "Design doc draft", "Budget approval"}
	uniSubjects := []string{"Grüße aus München", "Café crème et pâtisseries", "Ärger mit der Überweisung",
		"Отчёт за квартал", "会議の議事録", "日本語のテスト", "Ελληνικά θέματα",
		"Résumé — naïve façade", "Emoji test 🎉🚀", "中文邮件主题测试"}
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	fs := make([]*client.FetchData, n)
	for i := range fs {
		uni := r.Float64() < 0.3
		name, subject := pick(first)+" "+pick(last), pick(subjects)
		if uni {
			name, subject = mime.QEncoding.Encode("UTF-8", pick(uniNames)), mime.BEncoding.Encode("UTF-8", pick(uniSubjects))
		}
		flags := []string{`\Seen`, `\Recent`}
		switch r.IntN(10) {
		case 0:
			flags = []string{`\Recent`}
		case 1:
			flags = []string{`\Answered`, `\Seen`, `\Recent`}
		case 2:
			flags = []string{`\Flagged`, `\Seen`, `\Recent`}
		}
		date := t0.Add(time.Duration(i*600+r.IntN(600)) * time.Second)
		fs[i] = &client.FetchData{Seq: uint32(i + 1), UID: uint32(i + 1), Flags: flags, HasFlags: true,
			Size: uint64(500 + r.IntN(4000)), HasSize: true, Envelope: &client.Envelope{
				Date:      date.Format(time.RFC1123Z),
				Subject:   subject,
				From:      []client.Address{{Name: name, Mailbox: fmt.Sprintf("user%d", i%1000), Host: "example.org"}},
				To:        []client.Address{{Name: "Bob Brown", Mailbox: "bob", Host: "example.com"}},
				MessageID: fmt.Sprintf("<%d.%x@bench.example>", i, r.Uint32()),
			}}
	}
	return fs
}

// BenchmarkFetchTable renders FETCH (UID FLAGS ENVELOPE RFC822.SIZE) of
// 1,000 messages as one table, a chunk of the streamed table the shell
// prints for `fetch 1:* ...` (issue 10: the text output path):
//
//	go test ./render -run '^$' -bench FetchTable -benchmem
func BenchmarkFetchTable(b *testing.B) {
	const n = 1000
	fs := benchFetchRows(n)
	res := &client.Result{Responses: make([]client.Response, n)}
	for i, f := range fs {
		res.Responses[i] = f
	}
	var out bytes.Buffer
	if err := Result(&out, res, Options{Width: 120}); err != nil || bytes.Count(out.Bytes(), []byte("\n")) != n+1 {
		b.Fatalf("render: %v, %d lines", err, bytes.Count(out.Bytes(), []byte("\n")))
	}
	b.SetBytes(int64(out.Len()))
	b.ReportAllocs()
	for b.Loop() {
		Result(io.Discard, res, Options{Width: 120})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}

// BenchmarkFetchStream prints the same 1,000 messages as rows of the
// streamed table the shell prints for a long `fetch 1:* ...` (the layout
// made from the first 200), to a pipe (no header repeated, nothing cut):
//
//	go test ./render -run '^$' -bench FetchStream -benchmem
func BenchmarkFetchStream(b *testing.B) {
	const n = 1000
	fs := benchFetchRows(n)
	opt := FetchStreamOptions{MaxSeq: n, MaxUID: n}
	b.ReportAllocs()
	for b.Loop() {
		s := NewFetchStream(io.Discard, fs[:200], opt, Options{Width: 1 << 16})
		for _, f := range fs {
			s.Add(f)
		}
		s.Flush()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}
