package history

import (
	"path/filepath"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	tests := []struct{ name, env, state, want string }{
		{"env override", "/tmp/h", "/state", "/tmp/h"},
		{"xdg state", "", "/state", "/state/imapsh/history"},
		{"relative xdg ignored", "", "rel", filepath.Join(home, ".local/state/imapsh/history")},
		{"home fallback", "", "", filepath.Join(home, ".local/state/imapsh/history")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HOME", home)
			t.Setenv(EnvPath, tt.env)
			t.Setenv("XDG_STATE_HOME", tt.state)
			got, err := DefaultPath()
			if err != nil || got != tt.want {
				t.Errorf("DefaultPath() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
