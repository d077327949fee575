package scripts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"imapsh/internal/cmdline"
)

// MaxIncludeDepth is how deeply \i may nest below the first script.
const MaxIncludeDepth = 16

// Options configure a Reader.
type Options struct {
	// Lookup finds the value of ${NAME}; nil means os.LookupEnv. The REPL
	// passes ChainLookup(its \set variables, os.LookupEnv).
	Lookup func(name string) (string, bool)
	// HasLiteralSecret reports whether an unexpanded logical line holds a
	// secret written out literally (e.g. the password of LOGIN). Files with
	// such a line must be 0600 or stricter. Nil disables the check.
	HasLiteralSecret func(text string) bool
	// OneLine makes each line of a stream (NewReader) a logical line of
	// its own: no continuation, so that each -c stays one command;
	// included files follow the usual rules.
	OneLine bool
}

// Line is one logical line of a script, ready to run.
type Line struct {
	Text    string   // expanded (cmdline.Expand: each value stays data): what runs
	Display string   // as written, unexpanded: what echo, trace, JSON and errors show
	File    string   // the script it came from (an included file's own path)
	Num     int      // line number of its first physical line with text
	Vars    []string // names of the ${NAME} variables it used, in order of first use
}

// Reader hands out the logical lines of a script, following includes.
// It is not safe for concurrent use.
type Reader struct {
	opts  Options
	stack []*source // the script being read is last; includers before it
	read  func(path string) (scriptFile, error)
}

// source is one script on the include stack.
type source struct {
	name  string // shown as Line.File and in errors
	key   string // absolute path, for loop detection; "" for streams
	dir   string // base directory of relative includes
	lines *logicalScanner
}

// Open reads the script file at path. It fails when the file cannot be read,
// or when it holds a literal secret (see Options.HasLiteralSecret) and is
// readable by group or others.
func Open(path string, opts Options) (*Reader, error) {
	r := &Reader{opts: opts, read: readScriptFile}
	src, err := r.openSource(path)
	if err != nil {
		return nil, asScriptError(err, path, 0, "")
	}
	r.stack = []*source{src}
	return r, nil
}

// NewReader reads a script from a stream such as stdin or a -c string; name
// labels its lines and errors (e.g. "<stdin>"). Lines are read as they are
// needed, and \i paths are relative to the current directory. A stream has
// no file mode, so the literal-secret check does not apply.
func NewReader(name string, in io.Reader, opts Options) *Reader {
	src := &source{name: name, lines: newLogicalScanner(in, opts.OneLine)}
	return &Reader{opts: opts, stack: []*source{src}, read: readScriptFile}
}

// Next returns the next logical line with its variables expanded, reading
// included scripts in place. It returns io.EOF at the end, and an *Error for
// a problem in the script; reading may go on after an *Error.
func (r *Reader) Next() (Line, error) {
	for len(r.stack) > 0 {
		top := r.stack[len(r.stack)-1]
		raw, err := top.lines.next()
		if err != nil {
			r.stack = r.stack[:len(r.stack)-1]
			if err == io.EOF {
				continue
			}
			return Line{}, locate(err, top.name)
		}
		target, isInclude, err := r.includeTarget(top, raw)
		if !isInclude {
			return r.expandLine(top, raw)
		}
		if err == nil {
			err = r.include(top, raw.num, target)
		}
		if err != nil {
			return Line{}, err
		}
	}
	return Line{}, io.EOF
}

// expandLine turns a raw line into a Line, expanding its variables (none
// in an \echo line: see Unexpanded).
func (r *Reader) expandLine(src *source, raw rawLine) (Line, error) {
	if Unexpanded(raw.text) {
		return Line{Text: raw.text, Display: raw.text, File: src.name, Num: raw.num}, nil
	}
	text, vars, err := cmdline.Expand(raw.text, r.lookup())
	if err != nil {
		return Line{}, &Error{File: src.name, Line: raw.num, Err: err}
	}
	return Line{Text: text, Display: raw.text, File: src.name, Num: raw.num, Vars: vars}, nil
}

// lookup is Options.Lookup, or the environment.
func (r *Reader) lookup() cmdline.Lookup {
	if r.opts.Lookup == nil {
		return os.LookupEnv
	}
	return r.opts.Lookup
}

// includeTarget recognises "\i FILE" and "\include FILE" and returns FILE:
// the rest of the line with its variables expanded as plain text (a file
// name, not a command line), stripped of surrounding double quotes; an
// unquoted leading ~ is the home directory (cmdline.ExpandHome).
func (r *Reader) includeTarget(src *source, raw rawLine) (string, bool, error) {
	toks := cmdline.LexTolerant(raw.text)
	if len(toks) == 0 || (toks[0].Raw != `\i` && toks[0].Raw != `\include`) {
		return "", false, nil
	}
	word := toks[0].Raw
	target, _, err := cmdline.ExpandText(strings.TrimSpace(raw.text[toks[0].End():]), r.lookup())
	if err != nil {
		return "", true, &Error{File: src.name, Line: raw.num, Err: err}
	}
	if len(target) >= 2 && target[0] == '"' && target[len(target)-1] == '"' {
		target = target[1 : len(target)-1]
	} else {
		target = cmdline.ExpandHome(target)
	}
	if target == "" {
		return "", true, &Error{File: src.name, Line: raw.num, Err: fmt.Errorf("%s needs a FILE", word)}
	}
	return target, true, nil
}

// include pushes the script named by an include line onto the stack.
func (r *Reader) include(from *source, num int, target string) error {
	path := target
	if !filepath.IsAbs(path) {
		path = filepath.Join(from.dir, path)
	}
	chain := r.chain(path)
	if r.isOpen(path) {
		return &Error{File: from.name, Line: num, Err: fmt.Errorf("include loop: %s", chain)}
	}
	if len(r.stack) > MaxIncludeDepth {
		return &Error{File: from.name, Line: num,
			Err: fmt.Errorf("includes nested deeper than %d: %s", MaxIncludeDepth, chain)}
	}
	src, err := r.openSource(path)
	if err != nil {
		return asScriptError(err, from.name, num, "include "+path)
	}
	r.stack = append(r.stack, src)
	return nil
}

// openSource reads a script file and checks it for literal secrets.
func (r *Reader) openSource(path string) (*source, error) {
	file, err := r.read(path)
	if err != nil {
		return nil, err
	}
	if err := checkSecrets(path, file, r.opts.HasLiteralSecret); err != nil {
		return nil, err
	}
	return &source{
		name:  path,
		key:   absPath(path),
		dir:   filepath.Dir(path),
		lines: newLogicalScanner(bytes.NewReader(file.data), false),
	}, nil
}

// isOpen reports whether path is already on the include stack.
func (r *Reader) isOpen(path string) bool {
	key := absPath(path)
	for _, src := range r.stack {
		if src.key == key {
			return true
		}
	}
	return false
}

// chain shows the include stack followed by path: "a.imap -> b.imap -> path".
func (r *Reader) chain(path string) string {
	names := make([]string, 0, len(r.stack)+1)
	for _, src := range r.stack {
		names = append(names, src.name)
	}
	return strings.Join(append(names, path), " -> ")
}

// absPath returns path made absolute, or path itself if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// asScriptError returns err unchanged when it is already an *Error, and
// otherwise locates it at file:line, prefixed by context unless that is "".
// The path of an *fs.PathError is dropped: file or context names it already.
func asScriptError(err error, file string, line int, context string) error {
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if context != "" {
		err = fmt.Errorf("%s: %w", context, err)
	}
	return &Error{File: file, Line: line, Err: err}
}
