package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/creack/pty"
	xwidth "golang.org/x/text/width"
)

// startTerminalSized is startTerminal on a terminal of rows x cols.
func startTerminalSized(t *testing.T, rows, cols uint16, env []string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: rows, Cols: cols})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd}
	go term.collect()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return term
}

// lessPrompt is less waiting for a key: its ":" prompt, the rest of the
// line cleared (a bare ":" would match the times in the table).
const lessPrompt = ":\x1b[K"

// TestTerminalPager: on a 12-row terminal a 23-row FETCH goes through
// less; q and Ctrl-C in less leave the shell alive and the connection in
// step (the next command answers), and short output is not paged.
func TestTerminalPager(t *testing.T) {
	if _, err := exec.LookPath("less"); err != nil {
		t.Skip("less is not installed")
	}
	term := startTerminalSized(t, 12, 100, testEnv(t, "TERM=xterm", "PAGER=less -FRX"), "--demo", "--color=never")
	term.expect("> ")
	term.send("select INBOX\r")
	term.expect("INBOX[23]> ")
	term.send("fetch 1:* (UID FLAGS ENVELOPE)\r")
	term.expect("Build log for main")
	term.expect(lessPrompt)
	term.send("q")
	term.expect("INBOX[23]> ")
	term.send("fetch 1:* (UID ENVELOPE)\r")
	term.expect("Build log for main")
	term.expect(lessPrompt)
	for range 2 { // Ctrl-C goes to less and to imapsh; the command has ended, so twice is no "second press" that drops the connection
		term.send("\x03")
		term.expect("\a") // less beeps, throws away typeahead and redraws
		term.expect(lessPrompt)
	}
	term.send("q")
	term.expect("INBOX[23]> ")
	term.skipOutput()
	term.send("fetch 23 (UID)\r")
	term.expect("#23 uid 23")
	term.expect("OK FETCH completed")
	term.expect("INBOX[23]> ")
	term.send("\x04")
	term.waitExit()
}

// TestTerminalPagerCommand: $PAGER runs with the output on the terminal;
// --no-pager and --json never page.
func TestTerminalPagerCommand(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		paged bool
	}{
		{"pager", nil, true},
		{"--no-pager", []string{"--no-pager"}, false},
		{"--json", []string{"--json"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv(t, "TERM=xterm", "PAGER=sed s/^/PAGED:/")
			term := startTerminalSized(t, 12, 100, env, append([]string{"--demo", "--color=never"}, tt.args...)...)
			term.expect("> ")
			term.send("select INBOX\r")
			term.expect("INBOX[23]> ")
			term.send("fetch 1:* (UID FLAGS)\r")
			term.expect("INBOX[23]> ")
			term.send("\x04")
			term.waitExit()
			term.mu.Lock()
			defer term.mu.Unlock()
			out := term.out.String()
			if paged := strings.Contains(out, "PAGED:23"); paged != tt.paged || strings.Contains(out, "PAGED:INBOX") {
				t.Errorf("paged %v, want %v (and never the short SELECT):\n%q", paged, tt.paged, out)
			}
		})
	}
}

// TestTerminalCompletionListAndQuote: the first Tab on a mailbox runs
// LIST (nothing was listed yet), and a bare non-ASCII prefix of a name
// with blanks becomes the quoted name (issue 11, completion).
func TestTerminalCompletionListAndQuote(t *testing.T) {
	term := startTerminalSized(t, 24, 80, testEnv(t, "TERM=xterm"), "--demo")
	term.expect("> ")
	term.send("select Arc\t")
	term.expect("select Archive")
	term.send("\x15") // Ctrl-U: clear the line
	term.send("create \"Grüße aus Köln\"\r")
	term.expect("CREATE completed")
	term.send("select Grü\t")
	term.expect(`select "Grüße aus Köln" `)
	term.send("\r")
	term.expect("SELECT completed")
	term.expect("Grüße aus Köln[0]> ")
	term.send("\x04")
	term.waitExit()
}

// TestTerminalTableFits80: on an 80-column terminal the FETCH table's
// rows are at most 80 columns wide (issue 11, defect 6: 81 made the "…"
// wrap), and flags are whole where subjects could be cut instead.
func TestTerminalTableFits80(t *testing.T) {
	term := startTerminalSized(t, 40, 80, testEnv(t, "TERM=xterm"), "--demo", "--color=never")
	term.expect("> ")
	term.send("select INBOX\r")
	term.expect("INBOX[23]> ")
	term.skipOutput()
	term.send("fetch 1:* (UID FLAGS ENVELOPE RFC822.SIZE)\r")
	term.expect("OK FETCH completed")
	term.mu.Lock()
	out := term.out.String()
	term.mu.Unlock()
	start := strings.Index(out, " #  UID")
	end := strings.Index(out, "OK FETCH completed")
	if start < 0 || end < start {
		t.Fatalf("no table:\n%q", out)
	}
	rows := strings.Split(strings.TrimRight(out[start:end], "\r\n"), "\r\n")
	for _, row := range rows {
		if n := columns(row); n > 80 {
			t.Errorf("a row of %d columns:\n%s", n, row)
		}
		if strings.HasPrefix(row, " 2    2") && !(strings.Contains(row, `\seen`) && strings.Contains(row, `\flagged`) && !strings.HasSuffix(row, "…")) {
			t.Errorf("message 2's flags are cut:\n%s", row)
		}
	}
	if len(rows) != 24 {
		t.Errorf("%d rows, want the header and 23:\n%s", len(rows), strings.Join(rows, "\n"))
	}
	term.send("\x04")
	term.waitExit()
}

// columns is the display width of a line: East Asian wide and fullwidth
// characters take two columns.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch xwidth.LookupRune(r).Kind() {
		case xwidth.EastAsianWide, xwidth.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
