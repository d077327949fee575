package render

import (
	"errors"
	"time"

	"imapsh/client"
)

// jsonInput is what one set of sample responses is made of: three
// strings that go into every string field in turn, a number, bits that
// say which optional parts are present, and body data.
type jsonInput struct {
	s    [3]string
	n    uint64
	bits uint16
	data []byte
}

func (in jsonInput) has(bit uint) bool { return in.bits&(1<<bit) != 0 }

// str returns the i-th string (the three in turn) and, when bit 15 is
// set, "" for every fourth, so that zero strings are left out.
func (in jsonInput) str(i int) string {
	if in.has(15) && i%4 == 3 {
		return ""
	}
	return in.s[i%3]
}

// jsonSamples builds one response of every type the client returns (see
// TestJSONSamplesCoverEveryType) with in's strings in every string field
// and zero and nil where in's bits say: the input of the differential
// test and of FuzzJSONResponse.
func jsonSamples(in jsonInput) []client.Response {
	return append(sampleSessionSamples(in), append(sampleMailboxSamples(in), sampleFetchSamples(in)...)...)
}

// sampleValue is a generic value: a list holding a string, an atom and a
// number, or NIL, or the zero Value.
func sampleValue(in jsonInput, i int) client.Value {
	switch {
	case in.has(1):
		return client.Value{}
	case in.has(2):
		return client.Value{Kind: client.KindNil}
	}
	return client.Value{Kind: client.KindList, List: []client.Value{
		{Kind: client.KindString, Str: in.str(i)}, {Kind: client.KindAtom, Str: in.str(i + 1)}, {Kind: client.KindNumber, Num: in.n}}}
}

// sampleValues is nil, empty or two values, after bits 3 and 4.
func sampleValues(in jsonInput, i int) []client.Value {
	switch {
	case in.has(3):
		return nil
	case in.has(4):
		return []client.Value{}
	}
	return []client.Value{sampleValue(in, i), {Kind: client.KindNumber, Num: in.n}}
}

// sampleStrings is nil, empty or three strings, after bits 3 and 4.
func sampleStrings(in jsonInput, i int) []string {
	switch {
	case in.has(3):
		return nil
	case in.has(4):
		return []string{}
	}
	return []string{in.str(i), in.str(i + 1), in.str(i + 2)}
}

// jsonNum is n, or 0 when bit 5 is set.
func (in jsonInput) num() uint64 {
	if in.has(5) {
		return 0
	}
	return in.n
}

func (in jsonInput) num32() uint32 { return uint32(in.num()) }

// numPtr is nil when bit 6 is set, else a pointer to num32.
func (in jsonInput) numPtr() *uint32 {
	if in.has(6) {
		return nil
	}
	n := in.num32()
	return &n
}

// strPtr is nil when bit 6 is set, else a pointer to the i-th string.
func (in jsonInput) strPtr(i int) *string {
	if in.has(6) {
		return nil
	}
	s := in.str(i)
	return &s
}

func sampleSessionSamples(in jsonInput) []client.Response {
	var code *client.Code
	if !in.has(7) {
		code = &client.Code{Name: in.str(0), Args: sampleValues(in, 1), Raw: in.str(2)}
	}
	var num *uint32
	if !in.has(8) {
		num = in.numPtr()
	}
	return []client.Response{
		&client.StatusResponse{Tag: in.str(0), Status: in.str(1), Code: code, Text: in.str(2)},
		&client.StatusResponse{Status: "OK", Code: &client.Code{}},
		&client.CapabilityData{Caps: sampleStrings(in, 0)},
		&client.EnabledData{Caps: sampleStrings(in, 1)},
		&client.NumberData{Name: in.str(0), N: in.num32()},
		&client.FlagsData{Flags: sampleStrings(in, 2)},
		&client.ContinuationData{Text: in.str(1)},
		&client.GenericData{Num: num, Name: in.str(2), Fields: sampleValues(in, 0)},
		&client.IDData{Params: sampleEntries(in)},
		&client.MalformedData{Err: &client.ProtocolError{Err: errors.New(in.str(0))}, Kept: in.has(9)},
		&client.VanishedData{Earlier: in.has(9), UIDs: sampleNumSet(in)},
	}
}

func sampleNumSet(in jsonInput) client.NumSet {
	switch {
	case in.has(3):
		return nil
	case in.has(4):
		return client.NumSet{}
	}
	return client.NumSet{{Start: 1, Stop: 4}, {Start: in.num32(), Stop: in.num32()}, {Start: 9, Stop: 0}}
}

func sampleEntries(in jsonInput) []client.MetadataEntry {
	if in.has(3) {
		return nil
	}
	return []client.MetadataEntry{{Name: in.str(0), Value: in.strPtr(1)}, {Name: in.str(2)}, {Value: in.strPtr(0)}}
}

func sampleMailboxSamples(in jsonInput) []client.Response {
	var data *client.Value
	if in.has(8) {
		v := sampleValue(in, 0)
		data = &v
	}
	return []client.Response{
		&client.ListData{Command: in.str(0), Attrs: sampleStrings(in, 1), Delim: in.str(2), Mailbox: in.str(3), Raw: in.str(4), Extended: sampleValues(in, 5)},
		&client.StatusData{Mailbox: in.str(0), Items: []client.StatusItem{{Name: in.str(1), Value: in.num(), Data: data}, {Name: in.str(2)}}},
		&client.SearchData{Command: in.str(1), Nums: sampleNums(in), ModSeq: in.num()},
		&client.ESearchData{Tag: in.str(0), Mailbox: in.str(1), UIDValidity: in.num32(), UID: in.has(9), Min: in.numPtr(),
			Max: in.numPtr(), Count: in.numPtr(), All: sampleNumSet(in), ModSeq: in.num(), Other: sampleValues(in, 2),
			Partial: &client.PartialResult{Range: in.str(1), Set: sampleNumSet(in)}},
		&client.ThreadData{Threads: sampleThreads(in)},
		&client.NamespaceData{Personal: sampleNamespaces(in, 0), Shared: sampleNamespaces(in, 2)},
		&client.QuotaData{Root: in.str(0), Resources: []client.QuotaResource{{Name: in.str(1), Usage: in.num(), Limit: in.n}}},
		&client.QuotaData{},
		&client.QuotaRootData{Mailbox: in.str(2), Roots: sampleStrings(in, 0)},
		&client.ACLData{Mailbox: in.str(0), Entries: []client.ACLEntry{{Identifier: in.str(1), Rights: in.str(2)}, {}}},
		&client.ListRightsData{Mailbox: in.str(0), Identifier: in.str(1), Required: in.str(2), Optional: sampleStrings(in, 3)},
		&client.MyRightsData{Mailbox: in.str(1), Rights: in.str(3)},
		&client.MetadataData{Mailbox: in.str(0), Entries: sampleEntries(in)},
		&client.AnnotationData{Mailbox: in.str(1), Entry: in.str(2), Attributes: sampleEntries(in)},
	}
}

func sampleNums(in jsonInput) []uint32 {
	if in.has(3) {
		return nil
	}
	return []uint32{1, in.num32(), 4294967295}
}

func sampleThreads(in jsonInput) []*client.ThreadNode {
	if in.has(3) {
		return nil
	}
	leaf := &client.ThreadNode{Num: in.num32()}
	return []*client.ThreadNode{{Num: 1, Children: []*client.ThreadNode{leaf, {Children: []*client.ThreadNode{}}}}, nil}
}

func sampleNamespaces(in jsonInput, i int) []client.NamespaceDescr {
	if in.has(3) {
		return nil
	}
	return []client.NamespaceDescr{{Prefix: in.str(i), Delim: in.str(i + 1), Ext: sampleValues(in, i+2)}, {}}
}

func sampleFetchSamples(in jsonInput) []client.Response {
	f := &client.FetchData{Seq: in.num32(), UID: uint32(in.n), Flags: sampleStrings(in, 0), HasFlags: in.has(10),
		RawDate: in.str(1), Size: in.num(), HasSize: in.has(10), ModSeq: in.num(), Sections: sampleSections(in)}
	if !in.has(11) {
		f.InternalDate = time.Date(2024, 3, 4, 16, 28, int(in.n%60), 0, time.FixedZone("", int(in.n%50000)-25000))
		f.Envelope = sampleEnvelope(in)
		f.BodyStructure = sampleBodyStructure(in)
	}
	if !in.has(3) {
		f.Other = []client.NamedValue{{Name: in.str(2), Value: sampleValue(in, 0)}, {}}
	}
	return []client.Response{f, &client.FetchData{}, &client.FetchData{Seq: 1, HasFlags: true, HasSize: true}}
}

func sampleEnvelope(in jsonInput) *client.Envelope {
	addrs := []client.Address{{Name: in.str(0), ADL: in.str(1), Mailbox: in.str(2), Host: in.str(3)}, {Mailbox: in.str(4)}, {}}
	if in.has(3) {
		addrs = nil
	}
	return &client.Envelope{Date: in.str(0), Subject: in.str(1), From: addrs, Sender: addrs, ReplyTo: addrs[:min(len(addrs), 1)],
		To: addrs, Cc: addrs[:0], Bcc: nil, InReplyTo: in.str(2), MessageID: in.str(3)}
}

// sampleBodyStructure is a multipart/mixed of a text part (charset and
// encoding from in, so that a part's data may be decoded), a
// message/rfc822 and a nil part.
func sampleBodyStructure(in jsonInput) *client.BodyStructure {
	encodings := []string{"quoted-printable", "base64", "7bit", in.str(0)}
	charsets := []string{"iso-8859-1", "utf-8", "windows-1252", in.str(1)}
	text := &client.BodyStructure{Type: "text", Subtype: in.str(2), Encoding: encodings[in.n%4], Size: in.num(),
		Params: []client.Param{{Name: "charset", Value: charsets[in.n/4%4]}, {Name: in.str(0)}}, Language: sampleStrings(in, 1),
		DispParams: []client.Param{}, MD5: in.str(2), Disposition: in.str(0), Location: in.str(1), ID: in.str(2), Description: in.str(0)}
	inner := &client.BodyStructure{Type: in.str(1), Subtype: in.str(2), Ext: sampleValues(in, 0)}
	msg := &client.BodyStructure{Type: "message", Subtype: "rfc822", Envelope: sampleEnvelope(jsonInput{s: in.s}), Body: inner, Lines: in.num()}
	parts := []*client.BodyStructure{text, msg, nil}
	if in.has(12) {
		parts = nil
	}
	return &client.BodyStructure{Type: "multipart", Subtype: in.str(0), Parts: parts}
}

// sampleSections are BODY[1] (decoded when the structure says so), the
// header and the whole message (MIME words decoded), and an empty, a
// NIL, a streamed and a dropped section.
func sampleSections(in jsonInput) []client.BodySection {
	if in.has(13) {
		return nil
	}
	var data []byte
	if !in.has(14) {
		data = in.data
	}
	return []client.BodySection{
		{Name: "BODY[1]", Section: "1", Data: data, Origin: in.numPtr()},
		{Name: "BODY[HEADER]", Section: "HEADER", Data: append([]byte("Subject: =?utf-8?q?"+in.str(0)+"?=\r\n"), data...)},
		{Name: "BODY[]", Data: data}, {Name: in.str(1), Section: in.str(2), Data: []byte{}},
		{Name: "BODY[2]", Section: "2", Nil: true}, {Name: "BODY[TEXT]", Section: "TEXT", Streamed: int64(in.n)},
		{Name: "BODY[3]", Dropped: true, Streamed: -1},
	}
}

// sampleShell is a meta-command's fields (nil when bit 12 is set), with
// in's strings in them.
func sampleShell(in jsonInput) *ShellJSON {
	if in.has(12) {
		return nil
	}
	out := in.str(0)
	return &ShellJSON{Output: &out, Variables: []VariableJSON{{Name: in.str(1), Secret: in.has(9)}},
		Help:      []HelpJSON{{Name: in.str(2), Usage: in.str(0), Needs: sampleStrings(in, 1), Available: in.has(10)}},
		History:   sampleStrings(in, 2),
		Connected: &Connection{URL: in.str(0), Security: in.str(1), Caps: sampleStrings(in, 0)},
		Mailbox:   &MailboxJSON{Name: in.str(2), Exists: in.num32(), Flags: sampleStrings(in, 1)}}
}
