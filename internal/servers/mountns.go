package servers

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// mountNamespaceOf returns the mount namespace of a process as the kernel
// names it ("mnt:[4026532174]").
func mountNamespaceOf(pid string) (string, error) {
	return os.Readlink(filepath.Join("/proc", pid, "ns", "mnt"))
}

// privateMountNamespace returns the mount namespace of pid and checks that
// it is not ours: emptyMountNamespace kills everything in it, and that must
// never be the test's own namespace.
func privateMountNamespace(pid int) (string, error) {
	theirs, err := mountNamespaceOf(strconv.Itoa(pid))
	if err != nil {
		return "", err
	}
	ours, err := mountNamespaceOf("self")
	if err != nil {
		return "", err
	}
	if theirs == ours {
		return "", fmt.Errorf("process %d shares our mount namespace %s", pid, ours)
	}
	return theirs, nil
}

// pidsInMountNamespace lists the live processes of mount namespace ns.
// Zombies have no namespace left and are not listed.
func pidsInMountNamespace(ns string) []int {
	var pids []int
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, dir := range dirs {
		pid := filepath.Base(dir)
		if got, err := mountNamespaceOf(pid); err == nil && got == ns {
			n, _ := strconv.Atoi(pid)
			pids = append(pids, n)
		}
	}
	return pids
}

// emptyMountNamespace kills (SIGKILL) every process left in the private
// mount namespace ns, such as server processes that started sessions of
// their own, and waits until none is left, for at most stopTimeout.
func emptyMountNamespace(ns string) error {
	if ours, err := mountNamespaceOf("self"); err != nil || ours == ns || ns == "" {
		return errors.New("refusing to empty the test's own mount namespace")
	}
	deadline := time.Now().Add(stopTimeout)
	for {
		pids := pidsInMountNamespace(ns)
		if len(pids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("processes %v still in mount namespace %s after %v", pids, ns, stopTimeout)
		}
		for _, pid := range pids {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
