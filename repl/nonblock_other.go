//go:build !unix

package repl

// openNonBlock is unix only; elsewhere no file kind blocks an open.
const openNonBlock = 0
