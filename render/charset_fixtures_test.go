package render

import (
	"encoding/base64"
	"strings"
	"time"

	"imapsh/client"
)

// Inputs for the golden tests of RFC 2047 charsets, RFC 2231 file names,
// emoji widths and long body sections, as the lab's Dovecot and Cyrus
// send them.

// charsetMessages carry encoded-words in the charsets mail clients still
// send: ISO-8859-2/15, KOI8-R, ISO-2022-JP, GB2312 and Shift_JIS.
var charsetMessages = []client.Response{
	&client.FetchData{Seq: 21, UID: 3021, Envelope: &client.Envelope{
		Subject: "=?ISO-8859-15?Q?Preis_=A4_100?= =?GB2312?B?xOO6ww==?= =?Shift_JIS?B?g2WDWINn?=",
		From:    []client.Address{addr("=?ISO-8859-2?Q?Pawe=B3?= Nowak", "pawel", "example.pl")},
		To:      []client.Address{addr("=?KOI8-R?B?8NLJ18XU?=", "ivan", "example.ru")},
		Cc:      []client.Address{addr("=?iso-2022-jp?B?GyRCRnxLXDhsGyhC?=", "taro", "example.jp")},
	}},
	&client.FetchData{Seq: 22, UID: 3022, Envelope: &client.Envelope{
		Subject: "=?KOI8-R?B?8NLJ18XU?= =?iso-2022-jp?B?GyRCRnxLXDhsGyhC?= =?x-klingon?Q?Qapla=27?=",
		From:    []client.Address{addr("=?windows-1250?Q?=8Akoda?=", "skoda", "example.cz")},
	}},
}

// rfc2231Structure has attachment names only RFC 2231 gives correctly.
var rfc2231Structure = &client.FetchData{Seq: 31, UID: 4031, BodyStructure: &client.BodyStructure{
	Type: "multipart", Subtype: "mixed", Parts: []*client.BodyStructure{
		{Type: "application", Subtype: "pdf", Params: []client.Param{prm("name", "report.pdf")}, Encoding: "base64", Size: 4096,
			Disposition: "attachment", DispParams: []client.Param{prm("filename", "report.pdf"), prm("filename*", "UTF-8''Jahresbericht%20%C3%9C.pdf")}},
		{Type: "application", Subtype: "octet-stream", Encoding: "7bit", Size: 4,
			Disposition: "attachment", DispParams: []client.Param{prm("filename*", "UTF-8''%E6%97%A5%E6%9C%AC.bin")}},
		{Type: "text", Subtype: "plain", Encoding: "base64", Size: 800, Lines: 10,
			Disposition: "attachment", DispParams: []client.Param{
				prm("filename*1*", "%20%C3%BCber%20alles.txt"), prm("filename*0*", "utf-8'de'Notizen")}},
		{Type: "image", Subtype: "png", Encoding: "base64", Size: 2048,
			Disposition: "inline", DispParams: []client.Param{prm("FILENAME*0", "a very long file name that "), prm("FILENAME*1", "was split.png")}},
		{Type: "audio", Subtype: "ogg", Params: []client.Param{prm("name*", "iso-8859-1'fr'chanson%E9.ogg")}, Encoding: "base64", Size: 9000},
		{Type: "application", Subtype: "x-msdownload", Encoding: "base64", Size: 100,
			Disposition: "attachment", DispParams: []client.Param{prm("filename*", "UTF-8''invoice%E2%80%AEfdp.exe")}},
	}}}

// emojiSummaries are table rows whose subjects hold wide emoji.
var emojiSummaries = []client.Response{
	&client.FetchData{Seq: 1, UID: 501, Size: 900, HasSize: true, InternalDate: time.Date(2024, 5, 1, 8, 0, 0, 0, cet),
		Envelope: &client.Envelope{Subject: "Emoji test 🎉🚀", From: []client.Address{addr("Rocket", "r", "example.org")}}},
	&client.FetchData{Seq: 2, UID: 502, Size: 1900, HasSize: true, InternalDate: time.Date(2024, 5, 1, 9, 0, 0, 0, cet),
		Envelope: &client.Envelope{Subject: "Kaffee ☕ um drei", From: []client.Address{addr("Café", "c", "example.org")}}},
	&client.FetchData{Seq: 3, UID: 503, Size: 29000, HasSize: true, InternalDate: time.Date(2024, 5, 1, 10, 0, 0, 0, cet),
		Envelope: &client.Envelope{Subject: "plain ASCII subject", From: []client.Address{addr("Plain", "p", "example.org")}}},
	&client.FetchData{Seq: 4, UID: 504, Size: 300, HasSize: true, InternalDate: time.Date(2024, 5, 1, 11, 0, 0, 0, cet),
		Envelope: &client.Envelope{Subject: "日本語 ⭐ 🫩", From: []client.Address{addr("", "jp", "example.jp")}}},
}

// base64Body is n bytes encoded and wrapped at 76 columns with CRLF, as
// an attachment is sent.
func base64Body(n int) string {
	raw := make([]byte, n)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	enc := base64.StdEncoding.EncodeToString(raw)
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.String()
}

// bigMessage is a whole message (BODY[]) with a text part and a base64
// attachment, then the closing boundary.
func bigMessage() string {
	return "From: a@example.org\r\nSubject: report\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n" +
		"--XX\r\nContent-Type: text/plain\r\n\r\nSee the attachment.\r\n" +
		"--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64Body(30000) + "--XX--\r\n"
}

// sectionMessage has a whole message, a pure base64 part, a short base64
// token that stays text, and a long text part cut by the byte limit.
var sectionMessage = &client.FetchData{Seq: 100000, UID: 120000, Sections: []client.BodySection{
	{Name: "BODY[]", Data: []byte(bigMessage())},
	{Name: "BODY[2]", Section: "2", Data: []byte(base64Body(20000))},
	{Name: "BODY[1]", Section: "1", Data: []byte("token:\r\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\nend\r\n")},
	{Name: "BODY[3]<0>", Section: "3", Origin: u32p(0), Data: []byte(strings.Repeat("Grüße aus München, Zeile für Zeile.\r\n", 40))},
}}
