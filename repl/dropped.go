package repl

import (
	"errors"
	"strconv"

	"imapsh/client"
	"imapsh/render"
)

// noteDropped tells on stderr what a command received and did not keep in
// memory (client.Result.Dropped): a note per kind and reason, and a hint
// when the command's memory budget cut its answer short.
func (s *output) noteDropped(res *client.Result, budget int64) {
	if res == nil || len(res.Dropped) == 0 {
		return
	}
	opt := s.renderOptions()
	render.Dropped(s.stderr, res.Dropped, opt)
	for _, d := range res.Dropped {
		if d.Reason == client.DropBudget {
			render.Error(s.stderr, nil, "the budget is "+sizeText(budget)+
				" per command; --max-command-memory raises it (fetch ... > FILE streams body data instead)", opt)
			return
		}
	}
}

// limitHint explains an answer over the client's per-response limits, or
// returns "" for another error.
func limitHint(err error) string {
	var le *client.LimitError
	if !errors.As(err, &le) || le.Budget {
		return ""
	}
	return "the server's answer is larger than imapsh holds in memory; fetch ... > FILE streams body data, --max-command-memory raises the limit"
}

// sizeText formats a byte count as MiB when it is a whole number of them.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
