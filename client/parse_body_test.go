package client

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"imapsh/client/internal/wire"
)

// validBodies follow RFC 9051 section 7.5.2 exactly: each production of
// body-type-1part (basic, msg, text), body-type-mpart, body-ext-1part and
// body-ext-mpart with every optional field, literals, body-extension
// values of each kind.
var validBodies = []string{
	`("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)`,
	`("IMAGE" "GIF" NIL "<id@x>" "a picture" "BASE64" 4554)`,
	`("text" "plain" NIL NIL NIL "7bit" 0 0 "md5sum" ("inline" ("filename" "a.txt")) "en" "http://x/a.txt")`,
	`("text" "plain" NIL NIL NIL "7bit" 1 1 NIL NIL ("en" "de") NIL "ext1" 123 ("ext2" ("nested" NIL)))`,
	`(("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 10 1 NIL NIL NIL NIL)("text" "html" NIL NIL NIL "7bit" 20 2 NIL NIL NIL NIL) "alternative" ("boundary" "b") ("inline" NIL) "en" "loc" 7)`,
	`(("text" "plain" NIL NIL NIL "7bit" 10 1) ("image" "png" NIL NIL NIL "base64" 20) "mixed")`,
	`("message" "rfc822" NIL NIL NIL "7bit" 641 ("Sat, 8 Jan 2011 14:16:36 +0100" "Subj" (("A" NIL "a" "x.org")) NIL NIL ((NIL NIL "b" "y.org")) NIL NIL NIL "<m@x>") ("text" "plain" NIL NIL NIL "7bit" 18 2) 31 NIL ("attachment" NIL) NIL NIL)`,
	`("message" "global" NIL NIL NIL "8bit" 100 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (("text" "plain" NIL NIL NIL "8bit" 5 1)("text" "html" NIL NIL NIL "8bit" 6 1) "alternative") 4)`,
	`("message" "rfc822" NIL NIL NIL "7bit" 787 NIL ("attachment" ("filename" "m.eml")) NIL NIL)`,
	"({4}\r\ntext {5}\r\nplain NIL NIL NIL \"7bit\" 28 2)",
	`("application" "octet-stream" ("name" "big.iso") NIL NIL "base64" 5368709120)`,
}

// TestBodyFastMatchesTolerant: for valid bodies the fast path succeeds and
// gives exactly what the tolerant reader gives.
func TestBodyFastMatchesTolerant(t *testing.T) {
	for _, body := range validBodies {
		fast, ok, err := readBody(body, true)
		if !ok || err != nil {
			t.Errorf("fast path refused %q: %v", body, err)
			continue
		}
		slow, _, err := readBody(body, false)
		if err != nil {
			t.Errorf("tolerant reader: %q: %v", body, err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%q:\nfast     %+v\ntolerant %+v", body, fast, slow)
		}
	}
}

// readBody reads one body with the fast path or the tolerant reader.
func readBody(body string, fast bool) (*BodyStructure, bool, error) {
	d := wire.NewDecoder(bufio.NewReader(strings.NewReader(body+"\r\n")), wire.Limits{})
	if err := d.Begin(); err != nil {
		return nil, false, err
	}
	p := &parser{d: d}
	if fast {
		b, ok := p.bodyFast()
		return b, ok, d.End()
	}
	v, ok := d.Value()
	b := bodyReader{warn: func(msg string) { d.Warn(&wire.SyntaxError{Expected: "body", Got: msg}) }}.body(v.List)
	if w := d.Warnings(); len(w) > 0 {
		return b, ok, w[0]
	}
	return b, ok, d.End()
}
