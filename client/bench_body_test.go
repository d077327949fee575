package client_test

import (
	"fmt"
	"strings"
	"testing"

	"imapsh/client"
)

// bodyAnswer is a FETCH BODYSTRUCTURE answer for n messages, each a
// multipart/mixed of an alternative (text and HTML) and a PDF attachment,
// with the extension data Dovecot sends.
func bodyAnswer(n int) []byte {
	var b strings.Builder
	b.WriteString("* PREAUTH ready\r\n* 10000 EXISTS\r\nA1 OK [READ-ONLY] done\r\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `* %d FETCH (UID %d BODYSTRUCTURE (((`+
			`"text" "plain" ("charset" "utf-8" "format" "flowed") NIL NIL "quoted-printable" 1834 41 NIL NIL NIL NIL)(`+
			`"text" "html" ("charset" "utf-8") NIL NIL "quoted-printable" 9912 180 NIL NIL NIL NIL) "alternative" `+
			`("boundary" "b1_%d") NIL NIL NIL)("application" "pdf" ("name" "report-%d.pdf") NIL NIL "base64" 120342 NIL `+
			`("attachment" ("filename" "report-%d.pdf" "size" "87950")) NIL NIL) "mixed" ("boundary" "b0_%d") NIL NIL NIL))`+"\r\n",
			i, i+1000, i, i, i, i)
	}
	b.WriteString("A2 OK done\r\n")
	return []byte(b.String())
}

// BenchmarkFetchBodyStructure parses FETCH 1:* (UID BODYSTRUCTURE) of 2000
// three-part messages into typed data.
func BenchmarkFetchBodyStructure(b *testing.B) {
	const n = 2000
	data := bodyAnswer(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := client.New(answerConn{strings.NewReader(string(data))}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Select(b.Context(), "INBOX", client.SelectOptions{ReadOnly: true}); err != nil {
			b.Fatal(err)
		}
		seen := 0
		if _, err := c.Fetch(b.Context(), "1:*", "(UID BODYSTRUCTURE)", client.FetchOptions{Each: func(f *client.FetchData) {
			if len(f.BodyStructure.Parts) == 2 {
				seen++
			}
		}}); err != nil || seen != n {
			b.Fatalf("err %v, %d bodies", err, seen)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/msg")
}
