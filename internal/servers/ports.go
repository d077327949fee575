package servers

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// Ports are picked at random below the kernel's ephemeral range (32768+ on
// Linux), so outgoing connections never hold them, and each one is claimed
// with an exclusive flock on a file in portLockDir for the life of the
// server, so test processes running in parallel never pick the same port.
const (
	portMin     = 20000
	portMax     = 32000
	portLockDir = "/tmp/imapsh-ports"
)

// reservePorts returns n distinct free TCP ports on Host. The reservations
// are released by t.Cleanup.
func reservePorts(t testing.TB, n int) []int {
	t.Helper()
	if err := os.MkdirAll(portLockDir, 0o1777); err != nil {
		t.Fatalf("port lock dir: %v", err)
	}
	ports := make([]int, 0, n)
	for tries := 0; len(ports) < n; tries++ {
		if tries > 1000 {
			t.Fatalf("no free port in %d-%d after %d tries", portMin, portMax, tries)
		}
		port := portMin + rand.IntN(portMax-portMin)
		lock, err := claimPort(port)
		if err != nil {
			continue
		}
		t.Cleanup(func() { lock.Close() })
		ports = append(ports, port)
	}
	return ports
}

// claimPort takes the inter-process lock for port and checks that nothing
// listens on it. The returned file holds the lock until it is closed.
func claimPort(port int) (*os.File, error) {
	name := filepath.Join(portLockDir, strconv.Itoa(port)+".lock")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("port %d claimed by another test: %w", port, err)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(Host, strconv.Itoa(port)))
	if err != nil {
		f.Close()
		return nil, err
	}
	ln.Close()
	return f, nil
}
