// Package render turns the typed data of package client into text for a
// terminal: tables for LIST, STATUS, QUOTA, ACL, METADATA; trees for THREAD
// and BODYSTRUCTURE; a per-message view for FETCH; one-liners for the rest.
//
// Rendering is pure: the same data and Options give the same bytes, nothing
// is printed except to the io.Writer given, and no global state is read or
// changed (colour comes from the Theme in Options, never from
// color.NoColor). Every string that came from the server passes through
// Safe before it reaches the writer, so a hostile server cannot send
// terminal escape sequences or bidi overrides to the user's terminal.
package render
