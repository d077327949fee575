package transfer

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		enc, in, want string
		bad           bool
	}{
		{"base64", "SGVsbG8g\r\nd29ybGQK\r\n", "Hello world\n", false},
		{"BASE64", " SGVs bG8=\r\n", "Hello", false},
		{"quoted-printable", "Gr=C3=BC=C3=9Fe aus K=C3=B6ln=\r\n, soft break\r\n", "Grüße aus Köln, soft break\r\n", false},
		{"7bit", "as =3D is", "as =3D is", false},
		{"", "plain", "plain", false},
		{"base64", "SGVsbG8*", "Hel", true}, // a truncated quantum: what decoded, and the error
	}
	for _, tt := range tests {
		got, err := Decode(tt.enc, []byte(tt.in))
		if string(got) != tt.want || (err != nil) != tt.bad {
			t.Errorf("Decode(%q, %q) = %q, %v; want %q (error %v)", tt.enc, tt.in, got, err, tt.want, tt.bad)
		}
	}
	if _, err := Decode("x-uuencode", nil); err == nil {
		t.Error("x-uuencode decoded")
	}
}

// TestWriterStreams: written in chunks of every size, base64 decodes to
// the same bytes as at once, and a broken tail is an error from Close
// while every write still succeeds.
func TestWriterStreams(t *testing.T) {
	payload := bytes.Repeat([]byte("binary \x00\xff attachment "), 5000)
	var enc bytes.Buffer
	w64 := newBase64Lines(&enc)
	w64.Write(payload)
	w64.Close()
	for _, chunk := range []int{1, 3, 76, 4096} {
		var out bytes.Buffer
		d, err := NewWriter("base64", &out)
		if err != nil {
			t.Fatal(err)
		}
		src := enc.Bytes()
		for len(src) > 0 {
			n := min(chunk, len(src))
			if m, err := d.Write(src[:n]); m != n || err != nil {
				t.Fatalf("Write = %d, %v", m, err)
			}
			src = src[n:]
		}
		if err := d.Close(); err != nil || !bytes.Equal(out.Bytes(), payload) || d.Decoded() != int64(len(payload)) {
			t.Errorf("chunk %d: err %v, %d bytes decoded, equal %v", chunk, err, d.Decoded(), bytes.Equal(out.Bytes(), payload))
		}
	}
	d, _ := NewWriter("base64", io.Discard)
	d.Write([]byte("SGVsbG8*"))
	d.Write([]byte(strings.Repeat("more after the error ", 1000)))
	if err := d.Close(); err == nil {
		t.Error("a broken base64 tail gave no error")
	}
	failing := &failWriter{}
	d, _ = NewWriter("7bit", failing)
	d.Write(bytes.Repeat([]byte("x"), 100000))
	if err := d.Close(); !errors.Is(err, errDiskFull) {
		t.Errorf("a failing destination: %v", err)
	}
}

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// newBase64Lines encodes to w in 76-column lines with CRLF, as mailers do.
func newBase64Lines(w io.Writer) io.WriteCloser {
	return &lineBreaker{w: w}
}

type lineBreaker struct {
	w   io.Writer
	buf []byte
}

func (l *lineBreaker) Write(p []byte) (int, error) { l.buf = append(l.buf, p...); return len(p), nil }

func (l *lineBreaker) Close() error {
	s := b64(l.buf)
	for len(s) > 76 {
		io.WriteString(l.w, s[:76]+"\r\n")
		s = s[76:]
	}
	_, err := io.WriteString(l.w, s+"\r\n")
	return err
}

func b64(b []byte) string {
	var buf bytes.Buffer
	enc := base64Encoder(&buf)
	enc.Write(b)
	enc.Close()
	return buf.String()
}
