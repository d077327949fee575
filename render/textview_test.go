package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// viewBoth renders data with the reference view and the streaming one
// (from memory, and through a reader with the given window) and returns
// the three outputs and the bytes each said it covered.
func viewBoth(data []byte, maxBytes, maxLines, window int) (outs [3]string, shown [3]int64) {
	ref := &printer{w: io.Discard, th: NewTheme(false), plain: true}
	rv := &refTextView{p: ref, indent: "    ", maxBytes: maxBytes, maxLines: maxLines}
	shown[0] = int64(rv.write(data))
	outs[0] = string(ref.buf)
	for i, src := range []io.ReaderAt{memData(data), bytes.NewReader(data)} {
		p := &printer{w: io.Discard, th: NewTheme(false), plain: true}
		v := newTextView(p, src, int64(len(data)), maxBytes, maxLines)
		v.window = window
		shown[i+1] = v.write()
		outs[i+1] = string(p.buf)
	}
	return outs, shown
}

// FuzzTextView checks the streaming text view against the view that held
// the whole section: the same lines, the same cut, for any data, limits
// and window (from 128 bytes, so that long lines come in pieces).
func FuzzTextView(f *testing.F) {
	b64 := strings.Repeat(strings.Repeat("QUJD", 19)+"\r\n", 4) + "QUJD\r\n"
	f.Add([]byte("Subject: hi\r\n\r\nhello\r\nworld"), 0, 0, 128)
	f.Add([]byte("text\r\n"+b64+"more text\r\n"), 0, 0, 128)
	f.Add([]byte("a\r\n"+strings.Repeat("QUJD", 16)+"\r\n"+strings.Repeat("QUJD", 16)+"\r\nb\r\n"), 40, 3, 128)
	f.Add([]byte(strings.Repeat("Grüße aus München ☕ ", 40)+"\r\nnext"), 300, 0, 128)
	f.Add([]byte(strings.Repeat("x", 500)+"\r"), 0, 0, 128)
	f.Add([]byte("\xe2\x82"+strings.Repeat("\x80", 300)+"\n\x1b[2J\ttab"), 200, 0, 129)
	f.Fuzz(func(t *testing.T, data []byte, maxBytes, maxLines, window int) {
		maxBytes, maxLines = max(maxBytes%2000, 0), max(maxLines%50, 0)
		window = 128 + max(window%300, 0)
		outs, shown := viewBoth(data, maxBytes, maxLines, window)
		for i := 1; i < 3; i++ {
			if outs[i] != outs[0] || shown[i] != shown[0] {
				t.Fatalf("view %d of %q (max %d bytes, %d lines, window %d):\n%q covering %d\nthe reference:\n%q covering %d",
					i, data, maxBytes, maxLines, window, outs[i], shown[i], outs[0], shown[0])
			}
		}
	})
}

// FuzzLooksLikeText checks the windowed test against the whole-data one.
func FuzzLooksLikeText(f *testing.F) {
	f.Add([]byte("plain text\r\n"))
	f.Add([]byte("\xe2\x82\xac euro \x01\x02"))
	f.Add(bytes.Repeat([]byte("\xf0\x9f\x98\x80\x80"), 30))
	f.Fuzz(func(t *testing.T, data []byte) {
		want := refLooksLikeText(data)
		for _, window := range []int{5, 6, 7, 64, viewWindow} {
			if got := looksLikeTextIn(bytes.NewReader(data), int64(len(data)), window); got != want {
				t.Fatalf("looksLikeText(%q) through a reader, window %d = %v, want %v", data, window, got, want)
			}
		}
		if got := looksLikeText(memData(data), int64(len(data))); got != want {
			t.Fatalf("looksLikeText(%q) in memory = %v, want %v", data, got, want)
		}
	})
}

// BenchmarkTextView shows a 2 MiB message of text lines with a base64
// attachment (a third of it) as `fetch N BODY[]` to a pipe does: the view
// that held the section whole as a string per line (reference), and the
// streaming one from memory and from a file-like reader (issue 10).
func BenchmarkTextView(b *testing.B) {
	var msg bytes.Buffer
	for msg.Len() < 1400<<10 {
		msg.WriteString("Grüße aus München, the quarterly numbers are attached; see the table below.\r\n")
	}
	for msg.Len() < 2<<20 {
		msg.WriteString(strings.Repeat("QUJD", 19) + "\r\n")
	}
	data := msg.Bytes()
	b.Run("reference", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			p := &printer{w: io.Discard, th: NewTheme(false), plain: true}
			(&refTextView{p: p, indent: "    "}).write(data)
			p.finish()
		}
	})
	for name, src := range map[string]io.ReaderAt{"memory": memData(data), "reader": bytes.NewReader(data)} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p := &printer{w: io.Discard, th: NewTheme(false), plain: true}
				newTextView(p, src, int64(len(data)), 0, 0).write()
				p.finish()
			}
		})
	}
}
