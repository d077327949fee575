//go:build unix

package repl

import "syscall"

// openNonBlock opens without waiting: a FIFO with no writer would
// otherwise block the open itself. Regular files ignore the flag.
const openNonBlock = syscall.O_NONBLOCK
