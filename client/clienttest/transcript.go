package clienttest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind says what one transcript step does.
type Kind int

// The step kinds, one per transcript line type.
const (
	KindSend     Kind = iota + 1 // S:/Sx: the server writes Data
	KindExpect                   // C:/Cx: the server reads Data from the client
	KindStartTLS                 // !starttls: the server side of STARTTLS (RFC 9051 6.2.1)
	KindClose                    // !close: the server closes the connection
	KindEOF                      // !eof: the client must close the connection
	KindSleep                    // !sleep: the server pauses for Delay
)

// Step is one parsed transcript line.
type Step struct {
	Kind  Kind
	Data  []byte        // KindSend, KindExpect: the exact bytes, line end included
	Delay time.Duration // KindSleep: how long to pause
	Line  int           // 1-based line in the transcript; 0 if built in code
}

var crlf = []byte("\r\n")

// ParseTranscript parses a transcript (format in the package doc) into steps.
// Errors name the offending line.
func ParseTranscript(src string) ([]Step, error) {
	var steps []Step
	for i, raw := range strings.Split(src, "\n") {
		step, ok, err := parseLine(strings.TrimSuffix(raw, "\r"))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		if !ok {
			continue
		}
		if n := len(steps); n > 0 && steps[n-1].isFinal() {
			return nil, fmt.Errorf("line %d: nothing may follow %s (line %d)", i+1, steps[n-1], steps[n-1].Line)
		}
		step.Line = i + 1
		steps = append(steps, step)
	}
	return steps, nil
}

// isFinal reports whether the step ends the session, so none may follow it.
func (s Step) isFinal() bool {
	return s.Kind == KindClose || s.Kind == KindEOF
}

// parseLine parses one transcript line; ok is false for blank and comment lines.
func parseLine(line string) (step Step, ok bool, err error) {
	trimmed := strings.TrimSpace(line)
	switch {
	case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		return Step{}, false, nil
	case strings.HasPrefix(trimmed, "!"):
		step, err = parseDirective(trimmed[1:])
		return step, true, err
	}
	prefix, text, found := strings.Cut(strings.TrimLeft(line, " \t"), ":")
	if !found {
		return Step{}, false, fmt.Errorf("want S:, C:, Sx:, Cx:, !directive or # comment, got %q", line)
	}
	step, err = parseData(prefix, strings.TrimPrefix(text, " "))
	return step, true, err
}

// parseData builds the step for an S:, C:, Sx: or Cx: line.
func parseData(prefix, text string) (Step, error) {
	kinds := map[string]Kind{"S": KindSend, "Sx": KindSend, "C": KindExpect, "Cx": KindExpect}
	kind, known := kinds[prefix]
	if !known {
		return Step{}, fmt.Errorf("unknown line prefix %q (want S, C, Sx or Cx)", prefix+":")
	}
	data := append([]byte(text), crlf...)
	if strings.HasSuffix(prefix, "x") {
		var err error
		if data, err = decodeEscapes(text); err != nil {
			return Step{}, err
		}
	}
	if kind == KindExpect && len(data) == 0 {
		return Step{}, errors.New("Cx: line expects no bytes")
	}
	return Step{Kind: kind, Data: data}, nil
}

// parseDirective parses the text after "!".
func parseDirective(text string) (Step, error) {
	name, arg, _ := strings.Cut(text, " ")
	arg = strings.TrimSpace(arg)
	kinds := map[string]Kind{"starttls": KindStartTLS, "close": KindClose, "eof": KindEOF, "sleep": KindSleep}
	kind, known := kinds[name]
	switch {
	case !known:
		return Step{}, fmt.Errorf("unknown directive !%s (want !starttls, !close, !eof or !sleep)", name)
	case kind != KindSleep && arg != "":
		return Step{}, fmt.Errorf("!%s takes no argument, got %q", name, arg)
	case kind != KindSleep:
		return Step{Kind: kind}, nil
	}
	delay, err := time.ParseDuration(arg)
	if err != nil || delay <= 0 {
		return Step{}, fmt.Errorf("!sleep wants a positive duration like 50ms, got %q", arg)
	}
	return Step{Kind: KindSleep, Delay: delay}, nil
}

// String formats the step as one transcript line that parses back to it.
// Data with control bytes, invalid UTF-8, trailing blanks or no CRLF uses the
// escaped Sx:/Cx: form.
func (s Step) String() string {
	switch s.Kind {
	case KindSend:
		return formatData("S", s.Data)
	case KindExpect:
		return formatData("C", s.Data)
	case KindStartTLS:
		return "!starttls"
	case KindClose:
		return "!close"
	case KindEOF:
		return "!eof"
	case KindSleep:
		return "!sleep " + s.Delay.String()
	}
	return fmt.Sprintf("# unknown step kind %d", int(s.Kind))
}

// formatData formats the bytes of an S or C step.
func formatData(dir string, data []byte) string {
	body, hasCRLF := bytes.CutSuffix(data, crlf)
	switch {
	case hasCRLF && len(body) == 0:
		return dir + ":"
	case hasCRLF && isVerbatim(body):
		return dir + ": " + string(body)
	}
	return dir + "x: " + encodeEscapes(body, hasCRLF)
}

// FormatTranscript formats steps as a transcript, one line per step; it is the
// inverse of ParseTranscript (Line numbers aside), for recorders.
func FormatTranscript(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString(s.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// ServerLines returns the bytes of each S:/Sx: line of a transcript, line end
// included, e.g. to seed a fuzz target of the response parser. It panics if the
// transcript does not parse (like regexp.MustCompile), since transcripts are
// test constants.
func ServerLines(transcript string) [][]byte {
	steps, err := ParseTranscript(transcript)
	if err != nil {
		panic("clienttest.ServerLines: " + err.Error())
	}
	var lines [][]byte
	for _, s := range steps {
		if s.Kind == KindSend {
			lines = append(lines, s.Data)
		}
	}
	return lines
}
