package history

import (
	"errors"
	"os"
	"path/filepath"
)

// EnvPath names the environment variable that overrides the history file path,
// like psql's PSQL_HISTORY. Setting it to /dev/null disables history.
const EnvPath = "IMAPSH_HISTORY"

// DefaultPath returns where imapsh keeps its history: $IMAPSH_HISTORY if set,
// else $XDG_STATE_HOME/imapsh/history, else ~/.local/state/imapsh/history
// (XDG Base Directory Specification; a relative XDG_STATE_HOME is ignored).
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return p, nil
	}
	if state := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(state) {
		return filepath.Join(state, "imapsh", "history"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("history: cannot find a home directory; set " + EnvPath)
	}
	return filepath.Join(home, ".local", "state", "imapsh", "history"), nil
}
