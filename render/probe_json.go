package render

import (
	"bytes"
	"encoding/json"
	"io"

	"imapsh/internal/probe"
)

// ProbeJSON writes a probe's report as one JSON object: indented (imapsh
// --probe --json), so that two servers' reports compare with jq or diff,
// or on one line (\probe in the shell's JSON mode, which prints JSON
// Lines).
// The field names are those of probe.Report's tags: lower case, stable,
// documented in the README ("Probing a server"); probe_version changes
// only when one is renamed or removed. Server text is written as sent
// (JSON escapes what needs it), without HTML escaping.
func ProbeJSON(w io.Writer, rep *probe.Report, indent bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
