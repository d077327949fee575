package render

// defaultWidth is the terminal width assumed when Options.Width is 0.
const defaultWidth = 80

// Options control how data is rendered.
type Options struct {
	// Color turns ANSI colours on. Ignored when Theme is set.
	Color bool
	// Width is the terminal width in columns; tables are truncated and
	// capability lists wrapped to it. 0 means 80.
	Width int
	// Theme overrides the colours; nil means NewTheme(Color).
	Theme *Theme
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
