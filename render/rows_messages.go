package render

import (
	"strconv"
	"strings"

	"imapsh/client"
)

// fetchRowFields is a message's row under fetchRowHeader: numbers raw, size
// in bytes, dates RFC 3339, flags space-separated, the sender's address
// and (decoded) name apart, the recipients' addresses comma-separated, the
// subject decoded (RFC 2047).
func fetchRowFields(f *client.FetchData) []string {
	row := make([]string, len(fetchRowHeader))
	row[0] = num(f.Seq)
	row[1] = numOrEmpty(uint64(f.UID))
	row[2] = Safe(strings.Join(f.Flags, " "))
	switch {
	case !f.InternalDate.IsZero():
		row[3] = rfc3339(f.InternalDate)
	default:
		row[3] = Safe(f.RawDate)
	}
	if f.HasSize {
		row[4] = num(f.Size)
	}
	row[5] = numOrEmpty(f.ModSeq)
	if e := f.Envelope; e != nil {
		row[6] = headerDate(e.Date)
		row[7], row[8] = firstSender(e.From)
		row[9] = Safe(addrSpecs(e.To))
		row[10] = Safe(decodeWords(e.Subject))
		row[11] = Safe(e.MessageID)
	}
	return row
}

// fetchNote says which fetched items the row leaves out.
func fetchNote(f *client.FetchData) string {
	var left []string
	for _, s := range f.Sections {
		left = append(left, s.Name)
	}
	if f.BodyStructure != nil {
		left = append(left, "BODYSTRUCTURE")
	}
	for _, o := range f.Other {
		left = append(left, o.Name)
	}
	if len(left) == 0 {
		return ""
	}
	if len(left) > 3 {
		left = append(left[:3], "...")
	}
	return "FETCH rows leave out " + Safe(strings.Join(left, " ")) +
		": --format table or json shows them, fetch ... > FILE saves body sections"
}

// firstSender is the first address's addr-spec and decoded name.
func firstSender(as []client.Address) (addr, name string) {
	for _, a := range as {
		if a.Host != "" {
			return Safe(a.Mailbox + "@" + a.Host), Safe(decodeWords(a.Name))
		}
	}
	return "", ""
}

// addrSpecs are the addresses as local@host, comma-separated (group
// markers left out).
func addrSpecs(as []client.Address) string {
	var specs []string
	for _, a := range as {
		if a.Host != "" {
			specs = append(specs, a.Mailbox+"@"+a.Host)
		}
	}
	return strings.Join(specs, ", ")
}

// statusColumns maps STATUS item names to their column in statusHeader.
var statusColumns = func() map[string]int {
	m := map[string]int{}
	for i, name := range statusHeader[1:] {
		m[strings.ToUpper(name)] = i + 1
	}
	return m
}()

// statusRowFields is a mailbox's STATUS items under statusHeader; an item
// with no column is named in the note.
func statusRowFields(d *client.StatusData) ([]string, string) {
	row := make([]string, len(statusHeader))
	row[0] = Safe(d.Mailbox)
	var unknown []string
	for _, it := range d.Items {
		col, ok := statusColumns[strings.ToUpper(it.Name)]
		if !ok {
			unknown = append(unknown, Safe(it.Name))
			continue
		}
		row[col] = statusValue(it)
	}
	if len(unknown) > 0 {
		return row, "STATUS rows have no column for " + strings.Join(unknown, " ") + ": --format table or json shows it"
	}
	return row, ""
}

// statusValue is an item's number, or its data as sent without the
// parentheses of a one-element list (MAILBOXID (F2212ea87)); NIL is
// empty (APPENDLIMIT NIL: no limit).
func statusValue(it client.StatusItem) string {
	if it.Data == nil {
		return num(it.Value)
	}
	v := *it.Data
	if v.Kind == client.KindList && len(v.List) == 1 {
		v = v.List[0]
	}
	switch v.Kind {
	case client.KindNil:
		return ""
	case client.KindList:
		return inline(v)
	}
	return Safe(v.Str)
}

// searchRows are the numbers of SEARCH or SORT, one per row, under "uid"
// for a UID command and "seq" otherwise.
func searchRows(d *client.SearchData, opt RowOptions) (string, []string, [][]string, string) {
	header := []string{"seq"}
	if opt.UID {
		header = []string{"uid"}
	}
	rows := make([][]string, len(d.Nums))
	for i, n := range d.Nums {
		rows[i] = []string{num(n)}
	}
	note := ""
	if d.ModSeq != 0 {
		note = d.Command + " rows leave out its MODSEQ " + num(d.ModSeq) + ": --format table or json shows it"
	}
	return d.Command, header, rows, note
}

// esearchRowFields is one ESEARCH answer (RFC 4731): ALL as the sequence
// set the server sent.
func esearchRowFields(d *client.ESearchData) []string {
	opt := func(p *uint32) string {
		if p == nil {
			return ""
		}
		return num(*p)
	}
	return []string{Safe(d.Tag), strconv.FormatBool(d.UID), opt(d.Min), opt(d.Max), opt(d.Count),
		d.All.String(), numOrEmpty(d.ModSeq)}
}

// threadRows is one row per message of the threads: the thread's number
// (from 1, in the server's order), the message and its parent (empty for
// a thread's root, and for a message whose parent the server left out).
func threadRows(nodes []*client.ThreadNode, thread string, rows [][]string, parent uint32) [][]string {
	for i, n := range nodes {
		t := thread
		if t == "" {
			t = strconv.Itoa(i + 1)
		}
		p := parent
		if n.Num != 0 {
			rows = append(rows, []string{t, num(n.Num), numOrEmpty(uint64(parent))})
			p = n.Num
		}
		rows = threadRows(n.Children, t, rows, p)
	}
	return rows
}
