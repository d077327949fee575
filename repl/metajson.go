package repl

import (
	"time"

	"imapsh/render"
)

// With --json every line on stdout is one JSON object (issue 11, defect
// 5): a meta-command gets its object too, with the fields every object
// has (command, responses: [], status OK or ERROR, elapsed_ms, error) and
// its own (render.ShellJSON): \echo's output, \set's variables, help's
// entries, \history, \record's state, \connect's summary and mailbox,
// \reconnect's restore. Its handler fills them instead of printing text;
// \probe writes its own object (Command.WritesJSON).

// shellJSON is the running meta-command's JSON fields; a handler run
// outside the loop gets fields that go nowhere.
func (o *output) shellJSON() *render.ShellJSON {
	if o.meta == nil {
		o.meta = &render.ShellJSON{}
	}
	return o.meta
}

// beginMeta gives a meta-command fresh JSON fields and returns them, with
// the function that puts back those of the command around it (\i runs
// lines inside its own).
func (o *output) beginMeta() (*render.ShellJSON, func()) {
	outer := o.meta
	o.meta = &render.ShellJSON{}
	meta := o.meta
	return meta, func() { o.meta = outer }
}

// writeMetaJSON prints a meta-command's object.
func (o *output) writeMetaJSON(display string, meta *render.ShellJSON, elapsed time.Duration, err error) {
	tail := render.JSONTailOf(nil, elapsed, err)
	if err == nil {
		tail.Status = "OK"
	}
	tail.ShellJSON = meta
	if werr := render.OpenJSON(o.out, display).Close(tail); werr != nil {
		o.printError(werr, "")
	}
}
