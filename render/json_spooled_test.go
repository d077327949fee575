package render

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"imapsh/client"
)

// spooledCopy is f with the sections that have data turned into streamed
// ones (Data nil, Streamed set), and the source that gives their bytes
// back, as repl's spool does for large sections.
func spooledCopy(f *client.FetchData) (*client.FetchData, SectionSource) {
	g := *f
	g.Sections = append([]client.BodySection(nil), f.Sections...)
	files := map[int]*io.SectionReader{}
	for i, sec := range g.Sections {
		if sec.Data != nil {
			files[i] = io.NewSectionReader(bytes.NewReader(sec.Data), 0, int64(len(sec.Data)))
			g.Sections[i].Data, g.Sections[i].Streamed = nil, int64(len(sec.Data))
		}
	}
	return &g, func(seq uint32, i int) (*io.SectionReader, error) {
		if seq != f.Seq {
			return nil, errors.New("wrong message")
		}
		return files[i], nil
	}
}

// spooledSections are messages whose sections decode every way
// DecodedSection knows, or not at all.
func spooledSections() []*client.FetchData {
	bodies := [][]byte{[]byte(bigMessage()), []byte(base64Body(3000)), []byte("plain text\r\n\r\n"), []byte("bad \xff\xfe utf-8\r\n\r\nbody \xc3"),
		[]byte("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\nR3L832UgYXVzIEvWbG4hCg==\r\n"),
		[]byte("Subject: x\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n\n=F0=D2=C9=D7=C5=D4 \u2028 \u009b\n"),
		[]byte("Subject: =?iso-8859-1?q?caf=E9?=\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8*\r\n"),
		[]byte("Content-Type: text/plain; charset=x-unknown\r\n\r\nbody"), []byte("no header end"), []byte("\r\n\r\n"),
		[]byte("Subject: only\r\n\r\n"), []byte("Content-Type: text/plain; charset=utf-16\r\n\r\n\xff\xfe\x00\xd8")}
	var fs []*client.FetchData
	for i, body := range bodies {
		fs = append(fs, &client.FetchData{Seq: uint32(200 + i), Sections: []client.BodySection{
			{Name: "BODY[]", Data: body}, {Name: "RFC822", Data: body}, {Name: "BODY[TEXT]", Section: "TEXT", Data: body},
			{Name: "BODY[1]", Section: "1", Data: body}, {Name: "BODY[2]", Section: "2", Data: body},
			{Name: "BODY[HEADER]", Section: "HEADER", Data: body}, {Name: "BODY[4]", Section: "4", Nil: true},
		}, BodyStructure: decodedFetch.BodyStructure})
	}
	return append(fs, decodedFetch, decodedMessage, sectionMessage,
		&client.FetchData{Seq: 9, UID: 3, Sections: []client.BodySection{{Name: "BODY[TEXT]", Section: "TEXT", Data: []byte("caf=E9\r\n")}},
			BodyStructure: &client.BodyStructure{Type: "text", Subtype: "plain", Encoding: "quoted-printable", Params: []client.Param{{Name: "charset", Value: "windows-1252"}}}, ModSeq: 12})
}

// TestSpooledSectionsAsInMemory: a FETCH whose sections come from files
// is written byte for byte as with the same sections in memory, with
// windows of every size from 1 byte (runes and base64 groups cut at
// every place) and with the buffer written out in between.
func TestSpooledSectionsAsInMemory(t *testing.T) {
	defer func(w int) { jsonWindow = w }(jsonWindow)
	for _, window := range []int{1, 2, 3, 5, 7, 64, 16 << 10} {
		jsonWindow = window
		for _, f := range spooledSections() {
			var want, got bytes.Buffer
			j := OpenJSON(&want, "fetch")
			j.Add(f)
			j.Close(JSONTail{Status: "OK"})
			g, src := spooledCopy(f)
			j = OpenJSON(&got, "fetch").FlushEvery(1)
			j.AddFetch(g, src)
			j.Close(JSONTail{Status: "OK"})
			if got.String() != want.String() {
				t.Fatalf("window %d, message %d:\n got %s\nwant %s", window, f.Seq, got.String(), want.String())
			}
		}
	}
}

// failingReaderAt fails every read.
type failingReaderAt struct{}

func (failingReaderAt) ReadAt([]byte, int64) (int, error) { return 0, errors.New("input/output error") }

// TestSpooledSectionErrors: a section whose file is lost (the spool
// failed) or cannot be read keeps its "streamed" size and gets "error";
// the line stays one valid JSON object.
func TestSpooledSectionErrors(t *testing.T) {
	f := &client.FetchData{Seq: 5, UID: 9, Sections: []client.BodySection{
		{Name: "BODY[]", Streamed: 2 << 20}, {Name: "BODY[1]", Section: "1", Streamed: 3 << 20}, {Name: "BODY[2]", Section: "2", Data: []byte("kept")}}}
	src := func(_ uint32, i int) (*io.SectionReader, error) {
		switch i {
		case 0:
			return nil, errors.New("keeping it in a temporary file: no space left on device")
		case 1:
			return io.NewSectionReader(failingReaderAt{}, 0, 3<<20), nil
		}
		return nil, nil
	}
	var out bytes.Buffer
	j := OpenJSON(&out, "fetch 5 BODY[]")
	j.AddFetch(f, src)
	j.Close(JSONTail{Status: "OK"})
	want := `{"command":"fetch 5 BODY[]","responses":[{"kind":"FETCH","seq":5,"uid":9,"sections":[` +
		`{"name":"BODY[]","streamed":2097152,"error":"keeping it in a temporary file: no space left on device"},` +
		`{"name":"BODY[1]","section":"1","streamed":3145728,"error":"input/output error"},` +
		`{"name":"BODY[2]","section":"2","data":"kept"}]}],"status":"OK","elapsed_ms":0}` + "\n"
	if out.String() != want {
		t.Errorf("got  %s\nwant %s", out.String(), want)
	}
	if !strings.HasSuffix(out.String(), "}\n") {
		t.Error("no newline")
	}
}
