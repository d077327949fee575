package render

// Columns is the number of terminal columns s takes when printed: wide
// characters count two, combining marks none (as in tables). The shell
// aligns its continuation prompt under the prompt with it.
func Columns(s string) int { return textWidth(s) }
