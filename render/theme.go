package render

import "github.com/fatih/color"

// Theme is the set of colours the renderers use. Each colour is its own
// *color.Color whose enabled state is set per instance, so the global
// color.NoColor is never consulted.
type Theme struct {
	OK      *color.Color // OK and PREAUTH status
	No      *color.Color // NO status, warnings such as read-only
	Bad     *color.Color // BAD and BYE status, "error:"
	Alert   *color.Color // [ALERT] text, nearly-full quotas
	Code    *color.Color // response codes such as [TRYCREATE]
	Heading *color.Color // table headers, response names, section names
	Dim     *color.Color // secondary data: delimiters, hints, continuation text
	Flag    *color.Color // message flags and special-use attributes
	Mailbox *color.Color // mailbox names
	Number  *color.Color // message numbers and UIDs

	noColor bool // NewTheme(false) made it: nothing is painted
}

// NewTheme returns the default theme, with colours on or off.
func NewTheme(enabled bool) *Theme {
	t := &Theme{
		OK:      color.New(color.FgGreen),
		No:      color.New(color.FgYellow),
		Bad:     color.New(color.FgRed, color.Bold),
		Alert:   color.New(color.FgHiRed, color.Bold),
		Code:    color.New(color.FgCyan),
		Heading: color.New(color.Bold),
		Dim:     color.New(color.Faint),
		Flag:    color.New(color.FgMagenta),
		Mailbox: color.New(color.FgBlue, color.Bold),
		Number:  color.New(color.FgYellow),
	}
	t.noColor = !enabled
	for _, c := range t.all() {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return t
}

func (t *Theme) all() []*color.Color {
	return []*color.Color{t.OK, t.No, t.Bad, t.Alert, t.Code, t.Heading, t.Dim, t.Flag, t.Mailbox, t.Number}
}

// paint colours s (which must already be safe); "" and a nil colour stay
// plain.
func paint(c *color.Color, s string) string {
	if s == "" || c == nil {
		return s
	}
	return c.Sprint(s)
}

// plain reports whether no colour of t writes anything around its text
// (colours off, or a theme without colours), so painting can be skipped.
func (t *Theme) plain() bool {
	if t.noColor {
		return true
	}
	for _, c := range t.all() {
		if c != nil && c.Sprint("x") != "x" {
			return false
		}
	}
	return true
}
