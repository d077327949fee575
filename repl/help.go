package repl

import (
	"fmt"
	"io"
	"strings"

	"imapsh/client"
)

// writeHelp lists the commands by group: those available now with their
// usage and summary, then what the others need. With all, every command
// is listed with its requirements.
func (s *Session) writeHelp(w io.Writer, all bool) {
	var missing reasons
	width := s.helpWidth()
	for _, group := range groupOrder {
		var rows [][2]string
		for _, cmd := range table.Entries() {
			if cmd.Group != group {
				continue
			}
			reason := s.unavailable(cmd)
			if reason != "" && !all {
				missing.add(s.needText(reason, cmd), cmd.Name)
				continue
			}
			rows = append(rows, [2]string{cmd.shortUsage(), cmd.Summary + requirements(cmd, all)})
		}
		if len(rows) > 0 {
			fmt.Fprintf(w, "%s:\n", group)
			writeColumns(w, rows, width)
			fmt.Fprintln(w)
		}
	}
	missing.write(w, width)
	writeIndented(w, `help CMD explains a command; help all lists everything; help scripts explains .imap files.`, "", width)
}

// needLine is "fetch: needs a selected mailbox — hint: select INBOX".
func (s *Session) needLine(cmd *Command, reason string) string {
	return cmd.Name + ": " + s.needText(reason, cmd)
}

// needText is the reason with its hint: "needs a selected mailbox — hint:
// select INBOX".
func (s *Session) needText(reason string, cmd *Command) string {
	if hint := s.hintFor(cmd); hint != "" && !strings.HasPrefix(reason, "needs the server") {
		return reason + " — hint: " + hint
	}
	return reason
}

// reasons groups unavailable commands by what they need, in first-seen
// order.
type reasons struct {
	order []string
	names map[string][]string
}

func (r *reasons) add(reason, name string) {
	if r.names == nil {
		r.names = map[string][]string{}
	}
	if _, ok := r.names[reason]; !ok {
		r.order = append(r.order, reason)
	}
	r.names[reason] = append(r.names[reason], name)
}

// write prints "not available now:" with each reason and its commands,
// wrapped at word boundaries to width (76 columns at most).
func (r *reasons) write(w io.Writer, width int) {
	if len(r.order) == 0 {
		return
	}
	fmt.Fprintln(w, "not available now:")
	for _, reason := range r.order {
		for _, l := range wrapWords(reason+":", width-2) {
			fmt.Fprintf(w, "  %s\n", l)
		}
		line := "   "
		for i, n := range r.names[reason] {
			word := " " + n
			if i < len(r.names[reason])-1 {
				word += ","
			}
			if len(line)+len(word) > min(76, width) && line != "   " {
				fmt.Fprintln(w, line)
				line = "   "
			}
			line += word
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w)
}

// requirements notes a command's capability and state for help all.
func requirements(cmd *Command, all bool) string {
	if !all {
		return ""
	}
	var parts []string
	need := cmd.need()
	if caps := need.CapNames(); len(caps) > 0 {
		parts = append(parts, strings.Join(caps, " or "))
	}
	if !cmd.IsMeta() {
		parts = append(parts, stateWord(need.States))
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

// stateWord names a state mask briefly.
func stateWord(m client.State) string {
	switch m & client.AnyState {
	case client.AnyState:
		return "any state"
	case client.AuthOrSelect:
		return "logged in"
	case client.SelectedState:
		return "selected"
	case client.NotAuthOnly:
		return "before login"
	case client.StateAuthenticated:
		return "logged in, no mailbox selected"
	}
	return m.String()
}

// writeCommandHelp explains one command: usage, summary, long help,
// requirements and aliases.
func (s *Session) writeCommandHelp(w io.Writer, cmd *Command) {
	width := s.helpWidth()
	writeUsage(w, cmd, width)
	writeIndented(w, cmd.Summary, "  ", width)
	if cmd.Help != "" {
		fmt.Fprintln(w)
		for _, l := range strings.Split(cmd.Help, "\n") {
			writeIndented(w, l, "  ", width)
		}
	}
	fmt.Fprintln(w)
	need := cmd.need()
	if !cmd.IsMeta() {
		writeIndented(w, "valid: "+stateWord(need.States), "", width)
	}
	if caps := need.CapNames(); len(caps) > 0 {
		writeIndented(w, "needs: "+strings.Join(caps, " or "), "", width)
	}
	if len(cmd.Aliases) > 0 {
		writeIndented(w, "aliases: "+strings.Join(cmd.Aliases, ", "), "", width)
	}
	if reason := s.unavailable(cmd); reason != "" {
		writeIndented(w, "now: "+s.needLine(cmd, reason), "", width)
	}
}
