package render

import (
	"fmt"
	"strings"
)

// Progress formats the progress of a transfer for one terminal line:
// "[########............]  40%  8.0 MiB / 20.0 MiB" when the total is
// known, else "8.0 MiB". width is the terminal width (0 means 80).
func Progress(done, total int64, width int) string {
	if width <= 0 {
		width = 80
	}
	if total <= 0 {
		return humanSize(uint64(max(done, 0)))
	}
	done = min(max(done, 0), total)
	text := fmt.Sprintf(" %3d%%  %s / %s", done*100/total, humanSize(uint64(done)), humanSize(uint64(total)))
	bar := min(40, width-len(text)-3)
	if bar < 5 {
		return strings.TrimSpace(text)
	}
	filled := int(done * int64(bar) / total)
	return "[" + strings.Repeat("#", filled) + strings.Repeat(".", bar-filled) + "]" + text
}
