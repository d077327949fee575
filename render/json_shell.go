package render

import "imapsh/client"

// ShellJSON holds the fields a meta-command (\echo, \set, help, \connect,
// ...) adds to its --json object, after the fields every object has
// (command, responses, status, elapsed_ms, error). Each is present only
// for the commands that fill it, so that every line on stdout stays one
// JSON object (issue 11, defect 5).
type ShellJSON struct {
	Output    *string        `json:"output,omitempty"`    // \echo: the line it prints
	Variables []VariableJSON `json:"variables,omitzero"`  // \set alone: the names, never the values
	Help      []HelpJSON     `json:"help,omitzero"`       // help, help CMD, help all, help scripts
	History   []string       `json:"history,omitzero"`    // \history: the saved lines, secrets masked
	Recording *RecordingJSON `json:"recording,omitempty"` // \record alone
	Connected *Connection    `json:"connected,omitempty"` // \connect, \reconnect: the new session
	Restored  *RestoredJSON  `json:"restored,omitempty"`  // \reconnect: what it restored
	Mailbox   *MailboxJSON   `json:"mailbox,omitempty"`   // \connect, \reconnect: the mailbox open now
	Format    string         `json:"format,omitempty"`    // \format alone: table, tsv, csv or json
	Pager     *PagerJSON     `json:"pager,omitempty"`     // \pager alone
}

// PagerJSON says whether long output is paged, and by which command.
type PagerJSON struct {
	On      bool   `json:"on"`
	Command string `json:"command,omitempty"`
}

// VariableJSON is one \set variable: its name and whether it counts as a
// secret (a name like PASS or TOKEN); its value is never shown.
type VariableJSON struct {
	Name   string `json:"name"`
	Secret bool   `json:"secret"`
}

// HelpJSON is one command (or help topic) as help describes it.
type HelpJSON struct {
	Name      string   `json:"name"`
	Group     string   `json:"group,omitempty"`
	Usage     string   `json:"usage,omitempty"`
	Summary   string   `json:"summary,omitempty"`
	Text      string   `json:"text,omitempty"`  // help CMD: the long help; help scripts: the format
	Valid     string   `json:"valid,omitempty"` // the states an IMAP command is valid in
	Needs     []string `json:"needs,omitzero"`  // capabilities, any one of which it needs
	Aliases   []string `json:"aliases,omitzero"`
	Available bool     `json:"available"`
	// Unavailable is what it needs now, with a hint, when not available.
	Unavailable string `json:"unavailable,omitempty"`
}

// RecordingJSON says whether \record writes a recording, and where.
type RecordingJSON struct {
	Active bool   `json:"active"`
	File   string `json:"file,omitempty"`
}

// RestoredJSON is what \reconnect restored of the session before it: the
// steps that worked, and those that failed with their reason.
type RestoredJSON struct {
	Compress     bool     `json:"compress,omitempty"`     // COMPRESS=DEFLATE is on again
	Enabled      []string `json:"enabled,omitzero"`       // enabled again
	Mailbox      string   `json:"mailbox,omitempty"`      // opened again
	Mode         string   `json:"mode,omitempty"`         // "EXAMINE" (read-only) or "SELECT"
	SelectParams []string `json:"select_params,omitzero"` // ["CONDSTORE"]
	Failed       []string `json:"failed,omitzero"`        // what could not be restored, and why
}

// MailboxJSON is what the client knows of the mailbox open now.
type MailboxJSON struct {
	Name           string   `json:"name"`
	ReadOnly       bool     `json:"read_only"`
	Exists         uint32   `json:"exists"`
	Recent         uint32   `json:"recent"`
	Unseen         uint32   `json:"unseen,omitempty"`
	UIDValidity    uint32   `json:"uidvalidity,omitempty"`
	UIDNext        uint32   `json:"uidnext,omitempty"`
	HighestModSeq  uint64   `json:"highestmodseq,omitempty"`
	Flags          []string `json:"flags,omitzero"`
	PermanentFlags []string `json:"permanentflags,omitzero"`
}

// MailboxStateJSON is m for JSON; nil for no mailbox.
func MailboxStateJSON(m *client.Mailbox) *MailboxJSON {
	if m == nil {
		return nil
	}
	return &MailboxJSON{Name: m.Name, ReadOnly: m.ReadOnly, Exists: m.Exists, Recent: m.Recent, Unseen: m.Unseen,
		UIDValidity: m.UIDValidity, UIDNext: m.UIDNext, HighestModSeq: m.HighestModSeq,
		Flags: m.Flags, PermanentFlags: m.PermanentFlags}
}
