package cli

// UseColor decides whether output is coloured: --color=always and
// --color=never win; "auto" colours a terminal unless NO_COLOR is set to a
// non-empty value (https://no-color.org).
func UseColor(mode string, getenv func(string) string, terminal bool) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return terminal && getenv("NO_COLOR") == ""
}
