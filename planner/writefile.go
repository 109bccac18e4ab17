package planner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Saving never destroys what it should not touch (issue 11). Before it
// replaces anything, WriteFileAtomic looks at what is there, as a word
// processor would:
//
//   - a read-only file is refused, not replaced;
//   - a symbolic link is written through: its target gets the new content
//     and the link stays a link;
//   - a folder, a device, a pipe or a socket is refused: only regular
//     files are replaced;
//   - the replaced file keeps its permissions.
//
// Errors name the user's file, never the temporary one beside it.

// ErrNotReplaceable refuses to save over something that is not a regular
// file one may write; the error also wraps one of the errors below, which
// says what it is.
var ErrNotReplaceable = errors.New("only regular files one may write are replaced")

// What a save refuses to replace.
var (
	ErrReadOnly       = errors.New("the file is read-only")
	ErrIsFolder       = errors.New("it is a folder")
	ErrNotRegularFile = errors.New("it is not a regular file (a device, a pipe or a socket)")
)

// WriteFileAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so an interrupted save leaves the previous file
// intact; see above for what it refuses to replace.
func WriteFileAtomic(path string, data []byte) error {
	target, mode, err := saveTarget(path)
	if err != nil {
		return err
	}
	if err := writeAndRename(target, data, mode); err != nil {
		return fmt.Errorf("saving %s: %w", path, plainError(err))
	}
	return nil
}

// saveTarget is the file a save to path replaces (path, or the end of its
// symbolic links) and the permissions the new file gets: the old file's,
// or 0644 for a new one.
func saveTarget(path string) (string, fs.FileMode, error) {
	target := path
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		resolved, err := resolveLink(path)
		if err != nil {
			return "", 0, fmt.Errorf("saving %s: %w", path, plainError(err))
		}
		target = resolved
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, 0o644, nil
	case err != nil:
		return "", 0, fmt.Errorf("saving %s: %w", path, plainError(err))
	case info.IsDir():
		return "", 0, fmt.Errorf("saving %s: %w (%w); choose a file name", path, ErrIsFolder, ErrNotReplaceable)
	case !info.Mode().IsRegular():
		return "", 0, fmt.Errorf("saving %s: %w (%w)", path, ErrNotRegularFile, ErrNotReplaceable)
	case info.Mode().Perm()&0o222 == 0:
		return "", 0, fmt.Errorf("saving %s: %w (%w); save under another name, or make it writable first", path, ErrReadOnly, ErrNotReplaceable)
	}
	return target, info.Mode().Perm(), nil
}

// resolveLink follows path's symbolic links to their end, which may not
// exist yet (a link to a file still to be written).
func resolveLink(path string) (string, error) {
	for hops := 0; hops < 40; hops++ {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many symbolic links")
}

func writeAndRename(target string, data []byte, mode fs.FileMode) (err error) {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}

// plainError is err without the file names of an *fs.PathError or
// *os.LinkError ("rename .plan.123.tmp plan: file exists" → "file exists"):
// the caller names the user's file.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
