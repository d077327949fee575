package probe

import (
	"context"
	"mime"

	"imapsh/client"
)

// utf8Subject is the header text the UTF-8 round trip appends.
const utf8Subject = "Grüße aus Köln – 日本語"

// checkUTF8 works in UTF-8 mode (RFC 6855, after ENABLE UTF8=ACCEPT): it
// creates a mailbox with a non-ASCII name, lists it back, appends a
// message with a raw UTF-8 Subject and fetches its ENVELOPE.
func checkUTF8(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if !r.facts.utf8() {
		return skipError("ENABLE UTF8=ACCEPT did not take")
	}
	name := r.scratchBase() + "-Grüße"
	st := r.step(ctx, stepSpec{kind: "utf8-create", ext: "UTF8=ACCEPT", label: "CREATE " + name, rfc: "RFC 6855 3"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Create(ctx, name) })
	if !st.OK() {
		return stopped(st)
	}
	r.facts.scratch = append(r.facts.scratch, name)
	st = r.step(ctx, stepSpec{kind: "utf8-list", ext: "UTF8=ACCEPT", label: `LIST "" ` + name, rfc: "RFC 6855 3",
		must: "send and expect modified UTF-7 names even after ENABLE UTF8=ACCEPT"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.List(ctx, "", name, client.ListOptions{})
		})
	st.Expected, st.Got = quoted(name), "nothing"
	for _, l := range client.Of[*client.ListData](st.Result) {
		st.Got = quoted(l.Mailbox)
	}
	if err := stopped(st); err != nil {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "utf8-append", ext: "UTF8=ACCEPT", label: "APPEND " + name + " (a raw UTF-8 Subject)", rfc: "RFC 6855 4"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Append(ctx, name, appendMessage(4, utf8Subject, 0))
		})
	if !st.OK() {
		return stopped(st)
	}
	return r.utf8Fetch(ctx, name)
}

// utf8Fetch reads the appended message's subject back.
func (r *run) utf8Fetch(ctx context.Context, name string) error {
	res, err := r.conn.Client.Select(ctx, name, client.SelectOptions{ReadOnly: true})
	r.facts.examined = ""
	if err != nil || !res.OK() {
		return nil
	}
	st := r.step(ctx, stepSpec{kind: "utf8-fetch", ext: "UTF8=ACCEPT", label: "FETCH 1 (ENVELOPE)", rfc: "RFC 6855 3",
		must: "decode RFC 2047 words in ENVELOPE even in UTF-8 mode"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Fetch(ctx, "1", "(ENVELOPE)", client.FetchOptions{})
		})
	st.Expected, st.Got = quoted(utf8Subject), "no ENVELOPE"
	for _, f := range client.Of[*client.FetchData](st.Result) {
		if f.Envelope != nil {
			st.Got = quoted(decodeWords(f.Envelope.Subject))
			if f.Envelope.Subject != utf8Subject && st.Got == st.Expected {
				st.Note = "ENVELOPE gives the Subject as RFC 2047 words, not raw UTF-8"
			}
		}
	}
	return stopped(st)
}

// decodeWords decodes RFC 2047 words, which a server may still send in
// ENVELOPE in UTF-8 mode (RFC 6855 3 does not forbid them).
func decodeWords(s string) string {
	d, err := new(mime.WordDecoder).DecodeHeader(s)
	if err != nil {
		return s
	}
	return d
}
