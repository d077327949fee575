package render

import (
	"fmt"
	"io"
	"testing"
	"time"

	"imapsh/client"
)

// BenchmarkRows writes 1,000 FETCH rows (UID, FLAGS, INTERNALDATE, size,
// an envelope with an encoded subject) as TSV and CSV, and as the table
// for comparison:
//
//	go test ./render -run '^$' -bench Rows -benchmem
func BenchmarkRows(b *testing.B) {
	msgs := make([]client.Response, 1000)
	for i := range msgs {
		msgs[i] = &client.FetchData{Seq: uint32(i + 1), UID: uint32(50000 + i), HasFlags: true, Flags: []string{`\Seen`},
			InternalDate: time.Date(2024, 3, 1, 10, 0, i%60, 0, cet), HasSize: true, Size: uint64(1000 + i),
			Envelope: &client.Envelope{Date: "Fri, 01 Mar 2024 10:00:00 +0100", Subject: fmt.Sprintf("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_Nr._%d?=", i),
				From: []client.Address{addr("Alice Example", "alice", "example.org")}, To: []client.Address{addr("", "bob", "example.org")}}}
	}
	for _, f := range []Format{FormatTSV, FormatCSV} {
		b.Run(f.String(), func(b *testing.B) {
			for range b.N {
				rw := NewRowWriter(io.Discard, f, RowOptions{})
				for _, m := range msgs {
					rw.Add(m)
				}
				rw.Close()
			}
		})
	}
	b.Run("table", func(b *testing.B) {
		for range b.N {
			Result(io.Discard, &client.Result{Responses: msgs}, Options{Width: 100})
		}
	})
}
