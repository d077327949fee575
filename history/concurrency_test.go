package history

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
)

// rewriteAll replaces the file with its own content the way a trim does, under
// the exclusive lock, dropping nothing.
func rewriteAll(t *testing.T, path string) {
	unlock, err := lock(path, true)
	if err != nil {
		t.Error(err)
		return
	}
	defer unlock()
	entries, err := readEntries(path)
	if err == nil {
		err = replaceFile(path, entries)
	}
	if err != nil {
		t.Error(err)
	}
}

// TestAppendsSurviveConcurrentRewrites checks the locking protocol: no append
// may land in a file that a concurrent trim is replacing.
func TestAppendsSurviveConcurrentRewrites(t *testing.T) {
	const writers, perWriter = 4, 100
	path := tempPath(t)
	mustOpen(t, path, 0)
	done := make(chan struct{})
	var rewriter sync.WaitGroup
	rewriter.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
				rewriteAll(t, path)
			}
		}
	})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				if err := appendEntry(path, fmt.Sprintf("w%d-%d", w, i)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	close(done)
	rewriter.Wait()
	if got := len(mustOpen(t, path, writers*perWriter).Entries()); got != writers*perWriter {
		t.Errorf("%d entries survived, want %d", got, writers*perWriter)
	}
}

const helperEnv = "IMAPSH_HISTORY_TEST_HELPER"

// TestHelperAppender is not a test: TestTwoProcesses runs the test binary
// with it to append from a second process.
func TestHelperAppender(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("helper process only")
	}
	f, err := Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if err := f.Add(fmt.Sprintf("pid %d entry %d", os.Getpid(), i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTwoProcesses(t *testing.T) {
	if os.Getenv(helperEnv) != "" {
		t.Skip("inside a helper")
	}
	path := tempPath(t)
	mustOpen(t, path, 0)
	cmds := make([]*exec.Cmd, 2)
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestHelperAppender$", "-test.count=1")
		cmds[i].Env = append(os.Environ(), helperEnv+"="+path)
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper: %v", err)
		}
	}
	perPID := map[string]int{}
	for _, e := range mustOpen(t, path, 0).Entries() {
		var pid, i int
		if n, _ := fmt.Sscanf(e, "pid %d entry %d", &pid, &i); n != 2 {
			t.Fatalf("corrupt entry %q", e)
		}
		perPID[strconv.Itoa(pid)]++
	}
	if len(perPID) != 2 {
		t.Fatalf("entries from %d processes, want 2", len(perPID))
	}
	for pid, n := range perPID {
		if n != 200 {
			t.Errorf("process %s: %d entries, want 200", pid, n)
		}
	}
}
