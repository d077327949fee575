package demo

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSampleIsDeterministic(t *testing.T) {
	first, second := Sample(), Sample()
	if !reflect.DeepEqual(first, second) {
		t.Fatal("two Sample calls differ")
	}
	if n := len(first); n < 25 || n > 40 {
		t.Errorf("len(Sample()) = %d, want about 30", n)
	}
}

func TestSampleMessagesAreWellFormed(t *testing.T) {
	ids := map[string]bool{}
	for i, msg := range Sample() {
		if !slices.Contains(Mailboxes(), msg.Mailbox) {
			t.Errorf("sample %d: unknown mailbox %q", i, msg.Mailbox)
		}
		if bytes.Contains(bytes.ReplaceAll(msg.Raw, []byte("\r\n"), nil), []byte("\n")) ||
			bytes.Contains(bytes.ReplaceAll(msg.Raw, []byte("\r\n"), nil), []byte("\r")) {
			t.Errorf("sample %d: line ending other than CRLF", i)
		}
		parsed, err := mail.ReadMessage(bytes.NewReader(msg.Raw))
		if err != nil {
			t.Fatalf("sample %d: net/mail: %v", i, err)
		}
		checkHeader(t, i, msg, parsed.Header)
		id := parsed.Header.Get("Message-Id")
		if ids[id] {
			t.Errorf("sample %d: duplicate Message-ID %s", i, id)
		}
		ids[id] = true
		checkBody(t, i, parsed.Header.Get("Content-Type"), parsed.Body)
	}
}

// checkHeader verifies the Date, addresses and encoded Subject of a sample.
func checkHeader(t *testing.T, i int, msg Message, h mail.Header) {
	t.Helper()
	date, err := h.Date()
	if err != nil || !date.Equal(msg.Date) {
		t.Errorf("sample %d: Date header %v (%v), want %v", i, date, err, msg.Date)
	}
	if _, err := h.AddressList("From"); err != nil {
		t.Errorf("sample %d: From: %v", i, err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil || subject == "" || strings.Contains(subject, "=?") {
		t.Errorf("sample %d: Subject %q decodes to %q (%v)", i, h.Get("Subject"), subject, err)
	}
}

// checkBody parses multipart bodies part by part, down to their filenames.
func checkBody(t *testing.T, i int, contentType string, body io.Reader) {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Errorf("sample %d: Content-Type %q: %v", i, contentType, err)
		return
	}
	if !strings.HasPrefix(mediaType, "multipart/") {
		return
	}
	r := multipart.NewReader(body, params["boundary"])
	parts := 0
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("sample %d: part %d: %v", i, parts, err)
			return
		}
		if disposition := part.Header.Get("Content-Disposition"); disposition != "" && part.FileName() == "" {
			t.Errorf("sample %d: attachment %q has no decodable filename", i, disposition)
		}
		parts++
	}
	if parts < 2 {
		t.Errorf("sample %d: %s has %d parts, want at least 2", i, mediaType, parts)
	}
}

func TestSampleCoversTheFeatureList(t *testing.T) {
	all := Sample()
	features := []struct {
		name string
		want string
	}{
		{"quoted-printable UTF-8", "Content-Transfer-Encoding: quoted-printable"},
		{"multipart/alternative", "multipart/alternative"},
		{"multipart/mixed", "multipart/mixed"},
		{"base64 attachment", "Content-Disposition: attachment"},
		{"RFC 2231 filename", "filename*=utf-8''"},
		{"RFC 2047 B word", "=?utf-8?b?"},
		{"RFC 2047 Q word", "=?utf-8?q?"},
		{"In-Reply-To", "In-Reply-To: <"},
		{"folded References", "\r\n <offsite-"},
	}
	for _, f := range features {
		if !slices.ContainsFunc(all, func(m Message) bool { return bytes.Contains(m.Raw, []byte(f.want)) }) {
			t.Errorf("no sample has %s (%q)", f.name, f.want)
		}
	}
	for _, flag := range []string{`\Seen`, `\Flagged`, `\Answered`, `\Draft`, `\Deleted`} {
		if !slices.ContainsFunc(all, func(m Message) bool { return slices.Contains(m.Flags, flag) }) {
			t.Errorf("no sample has flag %s", flag)
		}
	}
	sizes := map[bool]bool{}
	for _, m := range all {
		sizes[len(m.Raw) > 10000] = true
	}
	if !sizes[true] || !sizes[false] {
		t.Errorf("want both small and large (>10 kB) samples, got %v", sizes)
	}
}

func TestSampleThreadIsLinked(t *testing.T) {
	var thread []mail.Header
	for _, m := range Sample() {
		parsed, err := mail.ReadMessage(bytes.NewReader(m.Raw))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(parsed.Header.Get("Subject"), "Planning the Q2 offsite") {
			thread = append(thread, parsed.Header)
		}
	}
	if len(thread) != 5 {
		t.Fatalf("thread has %d messages, want 5", len(thread))
	}
	var seen []string
	for i, h := range thread {
		if i > 0 && h.Get("In-Reply-To") != seen[i-1] {
			t.Errorf("message %d: In-Reply-To %q, want %q", i, h.Get("In-Reply-To"), seen[i-1])
		}
		if got := strings.Fields(h.Get("References")); !slices.Equal(got, seen) && !(i == 0 && len(got) == 0) {
			t.Errorf("message %d: References %q, want %q", i, got, seen)
		}
		seen = append(seen, h.Get("Message-Id"))
	}
}

func TestSampleDatesAreFixedAndIncreasing(t *testing.T) {
	all := Sample()
	if want := time.Date(2024, time.March, 4, 8, 15, 0, 0, time.UTC); !all[0].Date.Equal(want) {
		t.Errorf("first date = %v, want %v", all[0].Date, want)
	}
	for i := 1; i < len(all); i++ {
		if !all[i].Date.After(all[i-1].Date) {
			t.Errorf("sample %d date %v not after %v", i, all[i].Date, all[i-1].Date)
		}
	}
}
