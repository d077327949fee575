// Package testfs gives tests a full disk: a small tmpfs mounted for one
// test (root only), so that write errors such as ENOSPC happen for real.
package testfs

import (
	"os"
	"os/exec"
	"testing"
)

// SmallTmpfs mounts a tmpfs of size (mount's syntax: "64k") on a fresh
// directory and returns it; the test's cleanup unmounts it. The test is
// skipped, with the reason, where mounting is not possible (not root, no
// mount(8), a container without the capability).
func SmallTmpfs(t testing.TB, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a full disk needs a tmpfs, and mounting one needs root")
	}
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a tmpfs here: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// Fill writes a file in dir until the file system is full, so the next
// write there fails with ENOSPC.
func Fill(t testing.TB, dir string) {
	t.Helper()
	f, err := os.CreateTemp(dir, "filler")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			return
		}
	}
}
