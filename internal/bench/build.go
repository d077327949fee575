package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// newSetup prepares the binaries of a whole-process run: imapsh is built
// into a fresh temporary directory (unless binary names one) with the
// spawner that measures every contender (spawn/main.go), this program
// runs the phases, and python3 is resolved to its real executable
// so that a wrapper (pyenv's shim is a shell script) adds no time of its
// own. The returned cleanup removes the directory.
func newSetup(cfg config, binary string) (*setup, func(), error) {
	tmp, err := os.MkdirTemp("", "imapsh-bench-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	s := &setup{cfg: cfg, imapsh: binary, tmp: tmp, python: realPython()}
	if s.self, err = os.Executable(); err != nil {
		cleanup()
		return nil, nil, err
	}
	s.spawner = filepath.Join(tmp, "spawn")
	if err := goBuild(s.spawner, "imapsh/internal/bench/spawn"); err != nil {
		cleanup()
		return nil, nil, err
	}
	if s.imapsh == "" {
		s.imapsh = filepath.Join(tmp, "imapsh")
		if err := goBuild(s.imapsh, "imapsh"); err != nil {
			cleanup()
			return nil, nil, err
		}
	}
	return s, cleanup, nil
}

// goBuild runs `go build -o out pkg` from the current directory, which
// must be inside the imapsh module.
func goBuild(out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s (run from inside the imapsh module): %v\n%s", pkg, err, msg)
	}
	return nil
}

// realPython returns the path of python3's interpreter, or "".
func realPython() string {
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
