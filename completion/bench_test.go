package completion_test

import (
	"fmt"
	"testing"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/internal/cmdline"
	"imapsh/repl"
)

// manyMailboxes is a session cache after a LIST of 10,000 mailboxes: a
// deep hierarchy, names with spaces (quoted on completion) and non-ASCII
// names, as a large shared server has.
type manyMailboxes struct{ names []string }

func newManyMailboxes(n int) manyMailboxes {
	names := make([]string, 0, n)
	for i := range n {
		switch i % 4 {
		case 0:
			names = append(names, fmt.Sprintf("Archive/%d/%02d/list-%05d", 2010+i%15, 1+i%12, i))
		case 1:
			names = append(names, fmt.Sprintf("Lists/project-%05d", i))
		case 2:
			names = append(names, fmt.Sprintf("Shared/Team %d/Sent Items %05d", i%50, i))
		default:
			names = append(names, fmt.Sprintf("Ünïcødé/日本語/%05d", i))
		}
	}
	return manyMailboxes{names: names}
}

func (m manyMailboxes) Available(name string) bool {
	return repl.CommandAvailable(name, client.StateSelected, client.NewCapSet(m.Caps()))
}
func (m manyMailboxes) Caps() []string                      { return []string{"IMAP4rev1", "MOVE", "UIDPLUS"} }
func (m manyMailboxes) Mailboxes() []string                 { return m.names }
func (m manyMailboxes) Flags() []string                     { return []string{`\Seen`, `\Flagged`} }
func (m manyMailboxes) Variables() []string                 { return nil }
func (m manyMailboxes) Offers(cmdline.ArgKind, string) bool { return true }

// freshList is manyMailboxes after a new LIST before every Tab: the
// completer cannot reuse what it made for the previous one.
type freshList struct{ manyMailboxes }

func (f freshList) Mailboxes() []string { return append([]string(nil), f.names...) }

// BenchmarkCompleteMailbox10k is one Tab on a mailbox argument with
// 10,000 mailboxes known (issue 10: at most 5 ms per Tab); the first-tab
// cases are the first Tab after a LIST, which quotes and sorts the names:
//
//	go test ./completion -run '^$' -bench CompleteMailbox10k -benchmem
func BenchmarkCompleteMailbox10k(b *testing.B) {
	many := newManyMailboxes(10000)
	c := repl.NewCompleter(many)
	first := repl.NewCompleter(freshList{many})
	cases := []struct {
		name, line string
		min, max   int // candidates expected
		c          *completion.Completer
	}{
		{"first-tab-all", "select ", 10000, 10000, first},
		{"first-tab-few", "select Lists/project-0000", 3, 3, first},
		{"all", "select ", 10000, 10000, c},
		{"quarter", "select Lists/", 2500, 2500, c},
		{"few", "select Lists/project-0000", 3, 3, c},
		{"quoted-space", `copy 1:5 "Shared/Team 6/Sent`, 100, 100, c},
		{"non-ASCII", "move 1 Ünïcødé/日本語/0999", 3, 3, c},
		{"none", "select Nowhere", 0, 0, c},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			c := tc.c
			line := []rune(tc.line)
			got, _ := c.Do(line, len(line))
			if len(got) < tc.min || len(got) > tc.max {
				b.Fatalf("Do(%q) gave %d candidates, want %d..%d", tc.line, len(got), tc.min, tc.max)
			}
			b.ReportAllocs()
			for b.Loop() {
				c.Do(line, len(line))
			}
			b.ReportMetric(float64(len(got)), "candidates")
		})
	}
}
