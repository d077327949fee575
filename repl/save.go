package repl

// save SEQ PART [FILE] and uid save UID PART [FILE]: one body part, its
// transfer encoding undone, into a file (issue 11, "saving an
// attachment"). The name the sender gave the part is shown and, made safe
// (outfile.SafeName), is the default file name in the current directory;
// it is never used as a path as it stands.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/internal/outfile"
	"imapsh/render"
)

// saveJob is one save under way.
type saveJob struct {
	in      *Input
	num     string // the message number or UID, as typed
	uid     bool
	spec    string // the part specifier, "2.1"
	part    *client.BodyStructure
	path    string
	decoded bool // the transfer encoding is undone (not 7bit/8bit/binary)
}

func runSave(uid bool) Handler {
	return func(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
		job := &saveJob{in: in, num: in.Arg(numArg(uid)), uid: uid, spec: in.Arg("part")}
		if _, err := strconv.ParseUint(job.num, 10, 32); err != nil {
			return nil, &UsageError{in.Cmd, fmt.Sprintf("%q is not one message number", job.num)}
		}
		if res, err := s.findPart(ctx, job); err != nil || res != nil {
			return res, err
		}
		if err := job.choosePath(); err != nil {
			return nil, err
		}
		return s.savePart(ctx, job)
	}
}

func numArg(uid bool) string {
	if uid {
		return "uid"
	}
	return "number"
}

// findPart fetches the message's BODYSTRUCTURE and finds the part. A
// result is returned only when the server did not answer OK.
func (s *Session) findPart(ctx context.Context, job *saveJob) (*client.Result, error) {
	res, err := s.c.Fetch(ctx, job.num, "(BODYSTRUCTURE)", client.FetchOptions{UID: job.uid})
	if err != nil {
		return res, err
	}
	var bs *client.BodyStructure
	want := mustUint(job.num)
	for _, f := range client.Of[*client.FetchData](res) {
		if f.BodyStructure != nil && (job.uid && f.UID == want || !job.uid && f.Seq == want) {
			bs = f.BodyStructure
		}
	}
	switch job.part = bs.Part(job.spec); {
	case bs == nil:
		return nil, &hintedError{fmt.Errorf("no %s in this mailbox", job.message()), "search ALL or fetch 1:* fast shows the numbers"}
	case job.part == nil:
		return nil, &hintedError{fmt.Errorf("%s has no part %s", job.message(), job.spec), job.structureHint()}
	case len(job.part.Parts) > 0 || strings.EqualFold(job.part.Type, "multipart"):
		return nil, &hintedError{fmt.Errorf("part %s is multipart/%s: it holds parts, not data", job.spec, strings.ToLower(job.part.Subtype)),
			"save one of them: " + job.structureHint()}
	}
	return nil, nil
}

// message is "message 3" or "the message with UID 1201".
func (job *saveJob) message() string {
	if job.uid {
		return "the message with UID " + job.num
	}
	return "message " + job.num
}

func (job *saveJob) structureHint() string {
	return strings.TrimSuffix(job.in.Cmd.Name, "save") + "fetch " + job.num + " BODYSTRUCTURE shows the parts"
}

func mustUint(s string) uint32 {
	n, _ := strconv.ParseUint(s, 10, 32)
	return uint32(n)
}

// choosePath picks the file: FILE as typed; a directory (or FILE ending
// in /) gets the part's safe name inside it; without FILE the safe name
// in the current directory, which must not exist yet.
func (job *saveJob) choosePath() error {
	safe := outfile.SafeName(render.FileName(job.part))
	file, given := job.in.Arg("file"), job.in.Has("file")
	again := job.in.Cmd.Name + " " + job.num + " " + job.spec
	switch {
	case given && !isDirectory(file):
		job.path = file
	case safe == "" && given:
		return &hintedError{fmt.Errorf("part %s has no file name to save into %s", job.spec, file), "name the file: " + again + " " + filepath.Join(file, "NAME")}
	case safe == "":
		return &hintedError{fmt.Errorf("part %s has no file name", job.spec), "name the file: " + again + " FILE"}
	case given:
		job.path = filepath.Join(file, safe)
	default:
		job.path = safe
		if _, err := os.Lstat(safe); err == nil {
			return &hintedError{fmt.Errorf("%s exists; a default name never replaces a file", safe), "name it to replace it: " + again + " " + cmdline.Quote(safe)}
		}
	}
	return nil
}

func isDirectory(path string) bool {
	if strings.HasSuffix(path, "/") {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// errNoSection: the answer to BODY.PEEK[part] held no section.
var errNoSection = errors.New("the answer held no body section")
