package render

import (
	"io"
	"time"

	"imapsh/client"
)

// streamLater are messages that come after the rows a stream is laid out
// from: a longer subject, more flags, a raw date, then MODSEQ, which the
// first rows did not carry.
var streamLater = []*client.FetchData{
	{Seq: 4, UID: 1202, Flags: []string{`\Seen`, `\Answered`, `\Flagged`, "$Label1", "$Work"}, HasFlags: true, Size: 900, HasSize: true,
		InternalDate: time.Date(2024, 3, 2, 8, 0, 0, 0, cet),
		Envelope:     &client.Envelope{Subject: "A subject longer than any of the first rows had, by far", From: []client.Address{addr("Bob", "bob", "example.org")}}},
	{Seq: 5, UID: 1203, HasFlags: true, Size: 100, HasSize: true, RawDate: "32-Feb-2024 25:00:00 +0000",
		Envelope: &client.Envelope{Subject: "short"}},
	{Seq: 6, UID: 1204, HasFlags: true, Size: 100, HasSize: true, ModSeq: 91234,
		InternalDate: time.Date(2024, 3, 3, 8, 0, 0, 0, cet), Envelope: &client.Envelope{Subject: "modseq"}},
	{Seq: 7, UID: 1205, HasFlags: true, Size: 100, HasSize: true, ModSeq: 91235,
		InternalDate: time.Date(2024, 3, 3, 9, 0, 0, 0, cet), Envelope: &client.Envelope{Subject: "modseq again"}},
}

// fetchStream renders fetchSummaries as the first rows of a stream and
// streamLater after them, with a break (a block printed in between)
// before the last one.
func fetchStream(opt FetchStreamOptions) func(io.Writer, Options) error {
	return func(w io.Writer, ropt Options) error {
		var first []*client.FetchData
		for _, r := range fetchSummaries {
			first = append(first, r.(*client.FetchData))
		}
		s := NewFetchStream(w, first, opt, ropt)
		for _, f := range append(first, streamLater[:3]...) {
			s.Add(f)
		}
		if err := s.Flush(); err != nil {
			return err
		}
		io.WriteString(w, "(a block)\n")
		s.Break()
		s.Add(streamLater[3])
		return s.Flush()
	}
}

func init() {
	goldenCases = append(goldenCases,
		goldenCase{"fetch_stream_terminal", Options{Width: 100},
			fetchStream(FetchStreamOptions{MaxSeq: 12000, MaxUID: 99999, HeaderEvery: 4, Align: true})},
		goldenCase{"fetch_stream_pipe", Options{Width: 1 << 16}, fetchStream(FetchStreamOptions{MaxSeq: 7})},
		goldenCase{"fetch_stream_columns", Options{Width: 90}, fetchStream(FetchStreamOptions{})},
		goldenCase{"fetch_stream_color", Options{Width: 80, Color: true}, fetchStream(FetchStreamOptions{Align: true})},
	)
}
