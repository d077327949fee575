package render

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"imapsh/client"
)

func TestIsHeaderSpec(t *testing.T) {
	for spec, want := range map[string]bool{
		"HEADER": true, "HEADER.FIELDS (SUBJECT FROM)": true, "HEADER.FIELDS.NOT (X-HEADER)": true,
		"1.2.HEADER": true, "2.MIME": true, "1.HEADER.FIELDS (TO)": true,
		"": false, "TEXT": false, "1": false, "2.TEXT": false, "HEADER.FIELDS.X": false, "MIMEX": false,
	} {
		if got := isHeaderSpec(spec); got != want {
			t.Errorf("isHeaderSpec(%q) = %v", spec, got)
		}
	}
}

// decodedFetch is a message whose sections are shown decoded on a
// terminal: header words (UTF-8 B, ISO-8859-1 Q), a whole quoted-printable
// message, parts found through the BODYSTRUCTURE of the same response (a
// base64 ISO-8859-1 text part, a PDF left alone), a section without a
// structure to go by, and base64 that does not decode.
var decodedFetch = &client.FetchData{Seq: 7, UID: 70,
	BodyStructure: &client.BodyStructure{Type: "multipart", Subtype: "mixed", Parts: []*client.BodyStructure{
		{Type: "text", Subtype: "plain", Params: []client.Param{{Name: "charset", Value: "ISO-8859-1"}}, Encoding: "BASE64", Size: 24, Lines: 1},
		{Type: "application", Subtype: "pdf", Encoding: "base64", Size: 12},
		{Type: "text", Subtype: "plain", Encoding: "base64", Size: 9},
	}},
	Sections: []client.BodySection{
		{Section: "HEADER.FIELDS (SUBJECT FROM)", Data: []byte("Subject: =?UTF-8?B?R3LDvMOfZQ==?= aus =?ISO-8859-1?Q?K=F6ln?=\r\nFrom: plain <p@example.org>\r\n\r\n")},
		{Section: "1", Data: []byte("R3L832UgYXVzIEvWbG4hCg==\r\n")},
		{Section: "2", Data: []byte("JVBERi0xLjQK\r\n")},
		{Section: "3", Data: []byte("SGVsbG8*\r\n")},
		{Section: "1.MIME", Data: []byte("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n")},
	}}

var decodedMessage = &client.FetchData{Seq: 8, Sections: []client.BodySection{
	{Section: "", Data: []byte("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nContent-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\nviele Gr=C3=BC=C3=9Fe aus K=C3=B6ln! Ein sehr langer Satz, der =\r\numbrochen wurde.\r\n")},
	{Section: "TEXT", Data: []byte("caf=E9\r\n")},
}}

// TestDecodedForReading: with Decode (a terminal) the sections read as a
// mail reader shows them, each heading saying how; without it (a pipe,
// a file) every byte is as sent.
func TestDecodedForReading(t *testing.T) {
	render := func(opt Options) string {
		var b bytes.Buffer
		if err := Result(&b, &client.Result{Responses: []client.Response{decodedFetch, decodedMessage}}, opt); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	plain := render(Options{})
	if strings.Contains(plain, "decoded") || !strings.Contains(plain, "=?UTF-8?B?R3LDvMOfZQ==?=") || !strings.Contains(plain, "Gr=C3=BC=C3=9Fe") {
		t.Errorf("without Decode the sections changed:\n%s", plain)
	}
}

func init() {
	goldenCases = append(goldenCases, goldenCase{"fetch_decoded", Options{Decode: true}, func(w io.Writer, opt Options) error {
		return Result(w, &client.Result{Responses: []client.Response{decodedFetch, decodedMessage}}, opt)
	}})
}
