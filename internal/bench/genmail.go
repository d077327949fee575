package main

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"mime"
	"strings"
	"time"
)

// mailGen makes the messages of the benchmark mailboxes: the header mix
// of the lab's genmail.py (../shared/lab), which is what an ENVELOPE
// answer is made of — about 30% RFC 2047 encoded names and subjects in
// many scripts, Cc on 30%, replies with In-Reply-To and References on
// 10%, \Seen, \Flagged and \Answered sprinkled — with short text bodies,
// so that a million messages fit in memory-backed /dev/shm. The same seed
// gives the same messages.
type mailGen struct {
	r      *rand.Rand
	t0     time.Time
	recent []string // Message-IDs of the last messages, for replies
}

var (
	genFirst    = []string{"Alice", "Bob", "Carol", "Dave", "Eve", "Mallory", "Trent", "Peggy", "Victor", "Walter"}
	genLast     = []string{"Smith", "Jones", "Miller", "Brown", "Taylor", "Wilson", "Martin", "Lee"}
	genUniNames = []string{"Jürgen Müller", "Zoë Ångström", "Søren Kierkegård", "José Nuñez", "Ørjan Ødegård",
		"Иван Петров", "李小龙", "山田太郎", "Αλέξανδρος Παπαδόπουλος", "François Làbbé"}
	genDomains  = []string{"example.org", "example.com", "example.net", "mail.example.edu"}
	genSubjects = []string{"Quarterly report", "Lunch on Friday?", "Re: build failures", "Meeting notes",
		"Invoice #%d", "Your order has shipped", "Weekly sync", "Server migration plan",
		"Holiday schedule", "Code review request", "Design doc draft", "Budget approval"}
	genUniSubjects = []string{"Grüße aus München", "Café crème et pâtisseries", "Ärger mit der Überweisung",
		"Отчёт за квартал", "会議の議事録", "日本語のテスト", "Ελληνικά θέματα",
		"Résumé — naïve façade", "Emoji test 🎉🚀", "中文邮件主题测试"}
	genWords = strings.Fields("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " +
		"incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud")
)

func newMailGen(seed uint64) *mailGen {
	return &mailGen{r: rand.New(rand.NewPCG(seed, 0x1ab)), t0: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// genMessage is one generated message: LF line endings (as Maildir keeps
// them), its maildir flag letters and its date (the file's mtime, which
// Dovecot takes as INTERNALDATE).
type genMessage struct {
	Data  []byte
	Flags string // sorted maildir info letters: F, R, S
	Date  time.Time
}

// message returns message number i (from 0).
func (g *mailGen) message(i int) genMessage {
	r := g.r
	date := g.t0.Add(time.Duration(i*600+r.IntN(600)) * time.Second)
	uni := r.Float64() < 0.3
	var h strings.Builder
	fmt.Fprintf(&h, "Return-Path: <bounce@%s>\n", pick(r, genDomains))
	fmt.Fprintf(&h, "Received: from mx.example.org (mx.example.org [192.0.2.%d])\n\tby bench.example with ESMTPS; %s\n",
		i%250+1, date.Format(time.RFC1123Z))
	fmt.Fprintf(&h, "Date: %s\nFrom: %s\nTo: %s\n", date.Format(time.RFC1123Z), g.address(uni && r.Float64() < 0.7), g.address(false))
	if r.Float64() < 0.3 {
		fmt.Fprintf(&h, "Cc: %s, %s\n", g.address(false), g.address(r.Float64() < 0.3))
	}
	subject := g.subject(uni)
	if len(g.recent) > 0 && r.Float64() < 0.1 {
		parent := pick(r, g.recent)
		fmt.Fprintf(&h, "In-Reply-To: %s\nReferences: %s\n", parent, parent)
		subject = "Re: " + subject
	}
	id := fmt.Sprintf("<%d.%x@bench.example>", i, r.Uint32())
	g.remember(id)
	fmt.Fprintf(&h, "Subject: %s\nMessage-ID: %s\nMIME-Version: 1.0\n", subject, id)
	if r.Float64() < 0.2 {
		h.WriteString("X-Mailer: imapsh-bench/1.0\n")
	}
	h.WriteString("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
	h.WriteString(g.body())
	return genMessage{Data: []byte(h.String()), Flags: g.flags(), Date: date}
}

// address is "Name" <local@domain>, with an RFC 2047 encoded non-ASCII
// name (B or Q) when uni is set.
func (g *mailGen) address(uni bool) string {
	r := g.r
	if uni {
		name := pick(r, genUniNames)
		enc := mime.BEncoding
		if r.Float64() >= 0.6 {
			enc = mime.QEncoding
		}
		return fmt.Sprintf("%s <user%d@%s>", enc.Encode("UTF-8", name), r.IntN(1000), pick(r, genDomains))
	}
	first, last := pick(r, genFirst), pick(r, genLast)
	return fmt.Sprintf(`"%s %s" <%s.%s@%s>`, first, last, strings.ToLower(first), strings.ToLower(last), pick(r, genDomains))
}

// subject is an ASCII subject, or a B-encoded non-ASCII one when uni.
func (g *mailGen) subject(uni bool) string {
	if uni {
		return mime.BEncoding.Encode("UTF-8", pick(g.r, genUniSubjects))
	}
	s := pick(g.r, genSubjects)
	if strings.Contains(s, "%d") {
		s = fmt.Sprintf(s, 10000+g.r.IntN(90000))
	}
	return s
}

// body is one to five short lines of words.
func (g *mailGen) body() string {
	var b strings.Builder
	b.WriteString("Hello,\n\n")
	for range 1 + g.r.IntN(5) {
		for j := range 8 + g.r.IntN(6) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(pick(g.r, genWords))
		}
		b.WriteString(".\n")
	}
	b.WriteString("-- \nbench\n")
	return b.String()
}

// flags are maildir info letters: \Seen on 70%, \Flagged on 15%,
// \Answered on 10%.
func (g *mailGen) flags() string {
	x := g.r.Float64()
	f := ""
	if x < 0.15 {
		f += "F"
	}
	if g.r.Float64() < 0.1 {
		f += "R"
	}
	if x < 0.70 {
		f += "S"
	}
	return f
}

// remember keeps the last 50 Message-IDs for replies.
func (g *mailGen) remember(id string) {
	g.recent = append(g.recent, id)
	if len(g.recent) > 50 {
		g.recent = g.recent[1:]
	}
}

// large returns a message of about mb MiB: a short text part and a base64
// attachment (as the lab's populate.sh adds last).
func (g *mailGen) large(i, mib int) genMessage {
	date := g.t0.Add(time.Duration(i*600) * time.Second)
	blob := make([]byte, mib<<20*3/4)
	for k := range blob {
		blob[k] = byte(g.r.Uint32())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Date: %s\nFrom: \"Bench\" <bench@example.org>\nTo: <alice@example.org>\n"+
		"Subject: Large attachment (%d MiB)\nMessage-ID: <large.%d@bench.example>\nMIME-Version: 1.0\n"+
		"Content-Type: multipart/mixed; boundary=\"=_b\"\n\n--=_b\nContent-Type: text/plain\n\nBig file attached.\n\n"+
		"--=_b\nContent-Type: application/octet-stream; name=\"big.bin\"\nContent-Transfer-Encoding: base64\n"+
		"Content-Disposition: attachment; filename=\"big.bin\"\n\n", date.Format(time.RFC1123Z), mib, i)
	enc := base64.StdEncoding.EncodeToString(blob)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\n--=_b--\n")
	return genMessage{Data: []byte(b.String()), Date: date}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
