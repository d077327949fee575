package render

import (
	"io"
	"time"

	"imapsh/client"
)

// The --json object printed for each command, on one line:
//
//	{"command":…,"responses":[…],"tag":…,"status":…,"code":…,
//	 "code_args":[…],"code_raw":…,"text":…,"elapsed_ms":…,"error":…,
//	 "alerts":[…],"dropped":[…]}
//
// Field names are stable and lower case; responses carry a "kind" field
// each and the fields of the client's typed data, lower-cased, zero values
// left out. The responses come before the status so that a large FETCH is
// written as it arrives (JSONStream). status is OK, NO or BAD, or ERROR
// for a command that got no tagged answer (a usage, state or local error,
// a failed \expect, a lost connection): error then says why.

// JSONTail is the part of the object after the responses, in this
// order: tag, status (always), code, code_args, code_raw, text,
// elapsed_ms (always), error, alerts, dropped; the others are left out
// when empty.
type JSONTail struct {
	Tag       string
	Status    string
	Code      string
	CodeArgs  []string
	CodeRaw   string // the code's data as sent, when code_args do not show it so
	Text      string
	ElapsedMS float64
	Error     string
	Alerts    []string // [ALERT] texts received during the command

	// Dropped says what the command received and did not keep in memory.
	Dropped []droppedJSON

	// *ShellJSON holds a meta-command's own fields (json_shell.go),
	// written after the others (json_shell_write.go).
	*ShellJSON
}

// droppedJSON is one client.Dropped entry: what the command received and
// did not keep in memory ("collapsed", "unsolicited", "budget", "body");
// bytes is left out when 0.
type droppedJSON struct {
	Kind   string
	Reason string
	Count  int
	Bytes  int64
}

// jsonFlushAt is how much of a command's object JSONStream gathers before
// writing it: a FETCH of 100,000 messages reaches stdout in blocks of
// 32 KiB, not in one write (a system call) per message. The object is
// one line that a reader can only use whole, so holding a block back
// delays nothing it could read.
const jsonFlushAt = 32 << 10

// JSONStream writes one command's object piece by piece: the command and
// "responses":[ first, then each response, then the tail and a newline.
// The pieces are appended to one buffer, reused for the whole command,
// and written in blocks of about jsonFlushAt bytes, after every so many
// responses when FlushEvery says so, and at the end.
type JSONStream struct {
	out       io.Writer
	buf       []byte // not written yet; after a write, its last byte stays (see jsonSep)
	every     int    // FlushEvery's count; 0: blocks only
	unflushed int    // responses added since the last write
}

// FlushEvery makes the stream write what it holds after every n
// responses as well, so that a terminal sees the object grow while a slow
// server sends a long FETCH (the text table does the same); it returns j.
func (j *JSONStream) FlushEvery(n int) *JSONStream {
	j.every = n
	return j
}

// OpenJSON starts the object of a command, as displayed (redacted).
func OpenJSON(out io.Writer, command string) *JSONStream {
	buf := append(make([]byte, 0, 512), `{"command":`...)
	buf = appendJSONString(buf, command)
	return &JSONStream{out: out, buf: append(buf, `,"responses":[`...)}
}

// Add writes one response.
func (j *JSONStream) Add(r client.Response) {
	j.buf = AppendResponseJSON(jsonSep(j.buf), r)
	j.added()
}

// added counts a response written to the buffer and writes the buffer
// out when it is due.
func (j *JSONStream) added() {
	j.unflushed++
	if len(j.buf) >= jsonFlushAt || j.every > 0 && j.unflushed >= j.every {
		j.flush(false)
	}
}

// Close writes the tail and ends the line; it returns the error of
// marshalling a meta-command's fields (ShellJSON), which are then left
// out. Like every write of the stream, a failed one is not reported:
// stdout's errors end the shell elsewhere, and an \o file reports its
// own (see repl's setTee).
func (j *JSONStream) Close(tail JSONTail) error {
	buf := jsonTail(append(j.buf, ']'), tail)
	buf, err := jsonShellFields(buf, tail.ShellJSON) // json_shell_write.go
	j.buf = append(buf, '}', '\n')
	j.flush(true)
	return err
}

// flush writes what the buffer holds: all of it at the end of the
// object, else all but the last byte, which stays so that jsonSep knows
// whether a comma comes next.
func (j *JSONStream) flush(all bool) {
	j.unflushed = 0
	n := len(j.buf)
	if !all {
		n--
	}
	if n > 0 {
		j.out.Write(j.buf[:n])
		j.buf = append(j.buf[:0], j.buf[n:]...)
	}
}

// jsonTail writes the members after "responses".
func jsonTail(dst []byte, t JSONTail) []byte {
	dst = jsonStrField(dst, "tag", t.Tag)
	dst = jsonKey(dst, "status")
	dst = jsonStr(dst, t.Status)
	dst = jsonStrField(dst, "code", t.Code)
	if len(t.CodeArgs) > 0 {
		dst = jsonKey(dst, "code_args")
		dst = jsonStrs(dst, t.CodeArgs)
	}
	dst = jsonStrField(dst, "code_raw", t.CodeRaw)
	dst = jsonStrField(dst, "text", t.Text)
	dst = jsonKey(dst, "elapsed_ms")
	dst = jsonFloat(dst, t.ElapsedMS)
	dst = jsonStrField(dst, "error", t.Error)
	if len(t.Alerts) > 0 {
		dst = jsonKey(dst, "alerts")
		dst = jsonStrs(dst, t.Alerts)
	}
	return jsonDroppedField(dst, t.Dropped)
}

// jsonDroppedField writes what a command did not keep, unless nothing.
func jsonDroppedField(dst []byte, ds []droppedJSON) []byte {
	if len(ds) == 0 {
		return dst
	}
	return jsonObjectsField(dst, "dropped", ds, func(dst []byte, d droppedJSON) []byte {
		dst = jsonStr(jsonKey(dst, "kind"), d.Kind)
		dst = jsonStr(jsonKey(dst, "reason"), d.Reason)
		dst = jsonInt(jsonKey(dst, "count"), int64(d.Count))
		if d.Bytes != 0 {
			dst = jsonInt(jsonKey(dst, "bytes"), d.Bytes)
		}
		return dst
	})
}

// JSONTailOf is the tail for a result (nil when the command never got an
// answer) and the error that ended it, if not the server's NO or BAD.
func JSONTailOf(res *client.Result, elapsed time.Duration, err error) JSONTail {
	t := JSONTail{ElapsedMS: float64(elapsed.Microseconds()) / 1000}
	if res != nil {
		t.Tag, t.Status = res.Tag, res.StatusWord()
		if st := res.Status; st != nil {
			t.Text = st.Text
			if st.Code != nil {
				t.Code, t.CodeArgs, t.CodeRaw = st.Code.Name, st.Code.Strings(), st.Code.Raw
			}
		}
		for _, d := range res.Dropped {
			t.Dropped = append(t.Dropped, droppedJSON{Kind: d.Kind, Reason: d.Reason.String(), Count: d.Count, Bytes: d.Bytes})
		}
	}
	if err != nil {
		t.Error = ErrorText(err)
	}
	if t.Status == "" && t.Error != "" {
		t.Status = "ERROR"
	}
	return t
}

// AppendAlertJSON appends the JSON object of an [ALERT] that came
// outside any command (while connecting): {"alert":…,"status":…,"command":…}.
func AppendAlertJSON(dst []byte, a client.Alert) []byte {
	dst = append(dst, `{"alert":`...) // whatever dst ends with: no comma
	dst = appendJSONString(dst, a.Text)
	dst = jsonKey(dst, "status")
	dst = jsonStr(dst, a.Status)
	dst = jsonKey(dst, "command")
	dst = jsonStr(dst, a.Command)
	return jsonClose(dst, '}')
}
