package servers

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// waitGroupGone waits until no live process is left in the daemon's
// process group: children may outlive the master briefly. Zombies do not
// count, since PID 1 in a container may be slow to reap them.
func (d *daemon) waitGroupGone() error {
	pgid := d.cmd.Process.Pid
	deadline := time.Now().Add(stopTimeout)
	for liveInGroup(pgid) {
		if time.Now().After(deadline) {
			return fmt.Errorf("children of %s still running %v after it exited", d.cmd.Path, stopTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// liveInGroup reports whether /proc lists a process in process group pgid
// that is not a zombie.
func liveInGroup(pgid int) bool {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, name := range stats {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // exited meanwhile
		}
		state, group, ok := parseProcStat(string(data))
		if ok && group == pgid && state != "Z" && state != "X" {
			return true
		}
	}
	return false
}

// parseProcStat extracts the state and process group from a
// /proc/PID/stat line: "pid (comm) state ppid pgrp ...". comm may contain
// spaces and parentheses, so fields are counted after its last ')'.
func parseProcStat(stat string) (state string, pgrp int, ok bool) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return "", 0, false
	}
	fields := strings.Fields(stat[i+1:])
	if len(fields) < 3 {
		return "", 0, false
	}
	pgrp, err := strconv.Atoi(fields[2])
	return fields[0], pgrp, err == nil
}

// KillSessions kills (SIGKILL) the server's per-connection processes, as a
// crash or an administrator would: every client loses its connection in
// the middle of whatever it was doing. It returns how many it killed.
func (s *Server) KillSessions() int {
	killed := 0
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, name := range stats {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		_, group, ok := parseProcStat(string(data))
		if !ok || group != s.group || procName(string(data)) != s.session {
			continue
		}
		pid, err := strconv.Atoi(filepath.Base(filepath.Dir(name)))
		if err == nil && syscall.Kill(pid, syscall.SIGKILL) == nil {
			killed++
		}
	}
	return killed
}

// procName is the comm field of a /proc/PID/stat line.
func procName(stat string) string {
	open, close := strings.IndexByte(stat, '('), strings.LastIndexByte(stat, ')')
	if open < 0 || close < open {
		return ""
	}
	return stat[open+1 : close]
}
