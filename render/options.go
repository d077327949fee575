package render

import "io"

// defaultWidth is the terminal width assumed when Options.Width is 0.
const defaultWidth = 80

// Options control how data is rendered.
type Options struct {
	// Color turns ANSI colours on. Ignored when Theme is set.
	Color bool
	// Width is the terminal width in columns; tables are truncated and
	// capability lists wrapped to it. 0 means 80.
	Width int
	// MaxSection is how much of a BODY[...] section the block view shows,
	// in bytes (and never more than 500 lines), before it prints how much
	// more there is and how to save it: 0 means 64 KiB, a negative value
	// means everything (for output to a file or pipe).
	MaxSection int
	// Decode shows body sections decoded for reading (decode.go): MIME
	// words in header fields, a text part's quoted-printable or base64
	// and its charset; the section's heading says so. For a terminal.
	Decode bool
	// Theme overrides the colours; nil means NewTheme(Color).
	Theme *Theme
	// SectionSource gives the bytes of the index-th body section of
	// message seq when the client streamed them to the caller
	// (BodySection.Streamed, Data nil), to show them as if they had been
	// kept; an error is shown in their place. Nil, or a nil reader, shows
	// "(SIZE written to file)".
	SectionSource func(seq uint32, index int) (*io.SectionReader, error)
	// CapsBefore is the capability list known before the command: a
	// [CAPABILITY] code (the answer to a login) is summed up as what
	// changed (CapsChange) rather than shown as sixty words; nil means
	// unknown, and only the count is shown.
	CapsBefore []string
}

func (o Options) width() int {
	if o.Width <= 0 {
		return defaultWidth
	}
	return o.Width
}

func (o Options) theme() *Theme {
	if o.Theme != nil {
		return o.Theme
	}
	return NewTheme(o.Color)
}

// defaultMaxSection and maxSectionLines cap the text of one body section
// in the block view, whichever is reached first.
const (
	defaultMaxSection = 64 << 10
	maxSectionLines   = 500
)

// sectionLimits is the most bytes and lines of a body section to show;
// 0 means no limit.
func (o Options) sectionLimits() (bytes, lines int) {
	switch {
	case o.MaxSection < 0:
		return 0, 0
	case o.MaxSection == 0:
		return defaultMaxSection, maxSectionLines
	}
	return o.MaxSection, maxSectionLines
}
