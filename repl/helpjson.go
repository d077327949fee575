package repl

import (
	"imapsh/render"
	"imapsh/scripts"
)

// helpJSON is help as --json gives it: every command (for help and help
// all alike: available or not, and what it needs now), one command with
// its long help (help CMD), or the script format (help scripts).
func (s *Session) helpJSON(topic string, cmd *Command) []render.HelpJSON {
	switch {
	case topic == "scripts":
		return []render.HelpJSON{{Name: "scripts", Summary: "the .imap script format", Text: scripts.FormatHelp, Available: true}}
	case cmd != nil:
		h := s.helpEntry(cmd)
		h.Text = cmd.Help
		return []render.HelpJSON{h}
	}
	var out []render.HelpJSON
	for _, group := range groupOrder {
		for _, c := range table.Entries() {
			if c.Group == group {
				out = append(out, s.helpEntry(c))
			}
		}
	}
	return out
}

// helpEntry describes one command as help does.
func (s *Session) helpEntry(cmd *Command) render.HelpJSON {
	need := cmd.need()
	h := render.HelpJSON{Name: cmd.Name, Group: cmd.Group, Usage: cmd.Usage(), Summary: cmd.Summary,
		Needs: need.CapNames(), Aliases: cmd.Aliases, Available: true}
	if !cmd.IsMeta() {
		h.Valid = stateWord(need.States)
	}
	if reason := s.unavailable(cmd); reason != "" {
		h.Available, h.Unavailable = false, s.needText(reason, cmd)
	}
	return h
}
