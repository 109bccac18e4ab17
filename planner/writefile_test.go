//go:build unix

package planner_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"mixplan/planner"
)

// TestSavingNeverDestroys: what saving must not touch (issue 11), each case
// set up in a fresh folder and checked after the save.
func TestSavingNeverDestroys(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path saved to
		check func(t *testing.T, dir string, err error)
	}{
		{"a read-only file is refused, as a word processor would", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "plan.mixplan"), "old", 0o444)
		}, func(t *testing.T, dir string, err error) {
			wantRefused(t, err, "read-only")
			wantFile(t, filepath.Join(dir, "plan.mixplan"), "old", 0o444)
		}},
		{"the replaced file keeps its mode", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "plan.mixplan"), "old", 0o600)
		}, func(t *testing.T, dir string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			wantFile(t, filepath.Join(dir, "plan.mixplan"), "new", 0o600)
		}},
		{"a symbolic link is written through and stays a link", func(t *testing.T, dir string) string {
			writeFile(t, filepath.Join(dir, "real.mixplan"), "old", 0o640)
			link := filepath.Join(dir, "link.mixplan")
			if err := os.Symlink("real.mixplan", link); err != nil {
				t.Fatal(err)
			}
			return link
		}, func(t *testing.T, dir string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if info, err := os.Lstat(filepath.Join(dir, "link.mixplan")); err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link is no longer a link: %v, %v", info.Mode(), err)
			}
			wantFile(t, filepath.Join(dir, "real.mixplan"), "new", 0o640)
		}},
		{"a pipe is refused, not replaced by a file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "pipe")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, func(t *testing.T, dir string, err error) {
			wantRefused(t, err, "not a regular file")
			if info, err := os.Lstat(filepath.Join(dir, "pipe")); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the pipe was replaced: %v, %v", info.Mode(), err)
			}
		}},
		{"a folder is refused as a folder, naming the user's file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "plans")
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		}, func(t *testing.T, dir string, err error) {
			wantRefused(t, err, "is a folder")
			if !strings.Contains(err.Error(), filepath.Join(dir, "plans")) || strings.Contains(err.Error(), ".tmp") {
				t.Errorf("the message does not name the user's file alone: %v", err)
			}
		}},
		{"a new file is made 0644", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "new.mixplan")
		}, func(t *testing.T, dir string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			wantFile(t, filepath.Join(dir, "new.mixplan"), "new", 0o644)
		}},
		{"errors name the user's file, not the temporary one", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "missing-folder", "plan.mixplan")
		}, func(t *testing.T, dir string, err error) {
			if err == nil || strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), "missing-folder/plan.mixplan") {
				t.Errorf("got %v", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tc.setup(t, dir)
			err := planner.WriteFileAtomic(path, []byte("new"))
			tc.check(t, dir, err)
			left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string, mode os.FileMode) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

func wantRefused(t *testing.T, err error, words string) {
	t.Helper()
	if !errors.Is(err, planner.ErrNotReplaceable) || !strings.Contains(err.Error(), words) {
		t.Errorf("want a refusal saying %q, got %v", words, err)
	}
}

func wantFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != content || info.Mode().Perm() != mode || !info.Mode().IsRegular() {
		t.Errorf("%s: %q mode %v, want %q mode %v", path, got, info.Mode(), content, mode)
	}
}
