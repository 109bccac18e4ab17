package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h) the checks look at.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// maxExe bounds what is read: an executable bigger than this is refused.
const maxExe = 512 << 20

// Info is what a Windows user sees of an executable without running it:
// Explorer's Properties › Details (the version resource), its icon, and
// whether it opens a console.
type Info struct {
	Machine   string `json:"machine"`   // "amd64"
	Subsystem string `json:"subsystem"` // "gui" or "console"
	// From the version resource's fixed part and its first string table.
	FileVersion     string            `json:"fileVersion"`    // "0.1.0.1"
	ProductVersion  string            `json:"productVersion"` // fixed part, "0.1.0.1"
	Strings         map[string]string `json:"strings"`        // ProductName, FileDescription, ProductVersion…
	Icons           []IconSize        `json:"icons"`          // the first icon group's images
	Manifest        string            `json:"manifest"`       // the application manifest, "" if none
	VersionResource bool              `json:"versionResource"`
	Imports         []string          `json:"imports"` // the DLLs it loads at start
	// ChecksumOK: no checksum, or the right one. Go's linker stamps its build
	// id after MinGW's linker computed the checksum, so a Go program's is
	// stale; Windows checks it only for drivers.
	ChecksumOK bool `json:"checksumOK"`
}

// IconSize is one image of an icon group, in pixels (256 is stored as 0).
type IconSize struct {
	Width  int `json:"width"`
	Height int `json:"height"`
	Bits   int `json:"bits"`
}

// readInfo reads an executable's Info.
func readInfo(path string) (*Info, error) {
	data, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	return parseInfo(data)
}

func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxExe+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxExe {
		return nil, fmt.Errorf("%s: bigger than %d MiB", path, maxExe>>20)
	}
	return data, nil
}

// parseInfo reads Info from the bytes of an executable.
func parseInfo(data []byte) (*Info, error) {
	f, err := pe.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a Windows executable: %w", err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return nil, errors.New("not a 64-bit (PE32+) executable")
	}
	info := &Info{Machine: machineName(f.Machine), Subsystem: subsystemName(oh.Subsystem), Strings: map[string]string{}}
	info.ChecksumOK = oh.CheckSum == 0 || oh.CheckSum == checksum(data, checksumOffset(data))
	if info.Imports, err = importedDLLs(f); err != nil {
		return nil, fmt.Errorf("imports: %w", err)
	}
	if len(oh.DataDirectory) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return info, nil
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return info, nil
	}
	rsrc, base, err := sectionAt(f, dir.VirtualAddress)
	if err != nil {
		return nil, err
	}
	res, err := readResources(rsrc, base)
	if err != nil {
		return nil, fmt.Errorf("resources: %w", err)
	}
	if v := res.first(rtVersion); v != nil {
		if err := info.readVersion(v); err != nil {
			return nil, fmt.Errorf("version resource: %w", err)
		}
	}
	if g := res.first(rtGroupIcon); g != nil {
		if info.Icons, err = parseIconGroup(g); err != nil {
			return nil, fmt.Errorf("icon group: %w", err)
		}
	}
	if m := res.first(rtManifest); m != nil {
		info.Manifest = string(m)
	}
	return info, nil
}

// importedDLLs lists the DLLs f imports functions from, in order
// (debug/pe's ImportedLibraries returns none for PE files).
func importedDLLs(f *pe.File) ([]string, error) {
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, err
	}
	var dlls []string
	for _, s := range syms {
		if _, dll, ok := strings.Cut(s, ":"); ok && !slices.Contains(dlls, dll) {
			dlls = append(dlls, dll)
		}
	}
	return dlls, nil
}

func machineName(m uint16) string {
	switch m {
	case pe.IMAGE_FILE_MACHINE_AMD64:
		return "amd64"
	case pe.IMAGE_FILE_MACHINE_ARM64:
		return "arm64"
	case pe.IMAGE_FILE_MACHINE_I386:
		return "386"
	}
	return fmt.Sprintf("0x%04x", m)
}

func subsystemName(s uint16) string {
	switch s {
	case pe.IMAGE_SUBSYSTEM_WINDOWS_GUI:
		return "gui"
	case pe.IMAGE_SUBSYSTEM_WINDOWS_CUI:
		return "console"
	}
	return fmt.Sprintf("%d", s)
}

// sectionAt returns the data of the section holding rva and the section's
// own virtual address.
func sectionAt(f *pe.File, rva uint32) ([]byte, uint32, error) {
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+max(s.VirtualSize, s.Size) {
			data, err := s.Data()
			if err != nil {
				return nil, 0, fmt.Errorf("section %s: %w", s.Name, err)
			}
			return data[min(int(rva-s.VirtualAddress), len(data)):], rva, nil
		}
	}
	return nil, 0, fmt.Errorf("no section holds the resources (RVA 0x%x)", rva)
}

// resources is the resource tree flattened: type → the data of each entry,
// in the file's order.
type resources map[uint32][][]byte

func (r resources) first(typ uint32) []byte {
	if len(r[typ]) == 0 {
		return nil
	}
	return r[typ][0]
}

// readResources walks the three levels of the resource directory (type,
// name, language) of rsrc, whose first byte is at virtual address base.
func readResources(rsrc []byte, base uint32) (resources, error) {
	res := resources{}
	types, err := dirEntries(rsrc, 0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if !t.dir {
			continue
		}
		names, err := dirEntries(rsrc, t.offset)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			leaves := []dirEntry{n}
			if n.dir {
				if leaves, err = dirEntries(rsrc, n.offset); err != nil {
					return nil, err
				}
			}
			for _, l := range leaves {
				if l.dir {
					return nil, errors.New("more than three levels")
				}
				data, err := leafData(rsrc, base, l.offset)
				if err != nil {
					return nil, err
				}
				res[t.id] = append(res[t.id], data)
			}
		}
	}
	return res, nil
}

type dirEntry struct {
	id     uint32 // the numeric id; named entries keep the name's offset
	dir    bool   // offset is that of a subdirectory, else of a data entry
	offset uint32
}

// dirEntries reads the entries of the IMAGE_RESOURCE_DIRECTORY at off.
func dirEntries(rsrc []byte, off uint32) ([]dirEntry, error) {
	if uint64(off)+16 > uint64(len(rsrc)) {
		return nil, fmt.Errorf("directory at 0x%x is outside the section", off)
	}
	count := int(binary.LittleEndian.Uint16(rsrc[off+12:])) + int(binary.LittleEndian.Uint16(rsrc[off+14:]))
	start := int(off) + 16
	if start+8*count > len(rsrc) {
		return nil, fmt.Errorf("directory at 0x%x: %d entries run past the section", off, count)
	}
	entries := make([]dirEntry, count)
	for i := range entries {
		e := rsrc[start+8*i:]
		name, to := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
		entries[i] = dirEntry{id: name &^ (1 << 31), dir: to&(1<<31) != 0, offset: to &^ (1 << 31)}
		if entries[i].dir && entries[i].offset <= off {
			return nil, fmt.Errorf("directory at 0x%x points back to 0x%x", off, entries[i].offset)
		}
	}
	return entries, nil
}

// leafData reads the IMAGE_RESOURCE_DATA_ENTRY at off and returns its bytes.
func leafData(rsrc []byte, base, off uint32) ([]byte, error) {
	if uint64(off)+16 > uint64(len(rsrc)) {
		return nil, fmt.Errorf("data entry at 0x%x is outside the section", off)
	}
	rva, size := binary.LittleEndian.Uint32(rsrc[off:]), binary.LittleEndian.Uint32(rsrc[off+4:])
	if rva < base || uint64(rva-base)+uint64(size) > uint64(len(rsrc)) {
		return nil, fmt.Errorf("data at RVA 0x%x (%d bytes) is outside the section", rva, size)
	}
	return rsrc[rva-base : rva-base+size], nil
}

// parseIconGroup reads a GRPICONDIR: the sizes of the group's images.
func parseIconGroup(g []byte) ([]IconSize, error) {
	if len(g) < 6 {
		return nil, errors.New("shorter than its header")
	}
	count := int(binary.LittleEndian.Uint16(g[4:]))
	if 6+14*count > len(g) {
		return nil, fmt.Errorf("%d images run past its %d bytes", count, len(g))
	}
	sizes := make([]IconSize, count)
	for i := range sizes {
		e := g[6+14*i:]
		sizes[i] = IconSize{Width: iconSide(e[0]), Height: iconSide(e[1]), Bits: int(binary.LittleEndian.Uint16(e[6:]))}
	}
	return sizes, nil
}

func iconSide(b byte) int {
	if b == 0 {
		return 256
	}
	return int(b)
}

// readVersion fills the version fields from a VS_VERSIONINFO block.
func (info *Info) readVersion(data []byte) error {
	root, err := parseBlock(data)
	if err != nil {
		return err
	}
	if root.key != "VS_VERSION_INFO" {
		return fmt.Errorf("the root block is %q, not VS_VERSION_INFO", root.key)
	}
	info.VersionResource = true
	if len(root.value) >= 52 && binary.LittleEndian.Uint32(root.value) == 0xFEEF04BD {
		info.FileVersion = fourPart(root.value[8:])
		info.ProductVersion = fourPart(root.value[16:])
	}
	for _, c := range root.children {
		if c.key != "StringFileInfo" || len(c.children) == 0 {
			continue
		}
		for _, s := range c.children[0].children {
			info.Strings[s.key] = utf16String(s.value)
		}
	}
	return nil
}

// fourPart formats a version's MS and LS double words as a.b.c.d.
func fourPart(b []byte) string {
	ms, ls := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

// block is one node of a version resource: a key, a value, children.
type block struct {
	key      string
	value    []byte
	children []block
}

// parseBlock reads one version block (wLength, wValueLength, wType, a
// NUL-terminated UTF-16 key, padding to 32 bits, the value, padding, then
// child blocks up to wLength).
func parseBlock(b []byte) (block, error) {
	if len(b) < 6 {
		return block{}, errors.New("block shorter than its header")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLength := int(binary.LittleEndian.Uint16(b[2:]))
	text := binary.LittleEndian.Uint16(b[4:]) == 1
	if length < 6 || length > len(b) {
		return block{}, fmt.Errorf("block of %d bytes in %d", length, len(b))
	}
	b = b[:length]
	var key []uint16
	pos := 6
	for ; pos+1 < len(b); pos += 2 {
		c := binary.LittleEndian.Uint16(b[pos:])
		if c == 0 {
			break
		}
		key = append(key, c)
	}
	pos = align4(pos + 2)
	if text {
		valueLength *= 2 // counted in UTF-16 units
	}
	end := min(pos+valueLength, len(b))
	blk := block{key: string(utf16.Decode(key))}
	if pos < end {
		blk.value = b[pos:end]
	}
	for pos = align4(end); pos+6 <= len(b); {
		child, err := parseBlock(b[pos:])
		if err != nil {
			return block{}, fmt.Errorf("%s: %w", blk.key, err)
		}
		blk.children = append(blk.children, child)
		pos = align4(pos + int(binary.LittleEndian.Uint16(b[pos:])))
	}
	return blk, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

// utf16String decodes a NUL-terminated little-endian UTF-16 value.
func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// withSubsystem returns a copy of the executable exe whose optional header
// names subsystem instead: the same program, started by Windows with or
// without a console (what Microsoft's editbin /SUBSYSTEM does).
func withSubsystem(exe []byte, subsystem uint16) ([]byte, error) {
	if _, err := parseInfo(exe); err != nil {
		return nil, err
	}
	at := checksumOffset(exe)
	out := bytes.Clone(exe)
	binary.LittleEndian.PutUint16(out[at+4:], subsystem) // Subsystem follows CheckSum
	if binary.LittleEndian.Uint32(out[at:]) != 0 {
		binary.LittleEndian.PutUint32(out[at:], checksum(out, at))
	}
	return out, nil
}

// checksumOffset is where the optional header's CheckSum is in exe, which
// pe.NewFile has read: after the DOS stub's pointer, "PE\0\0", the file
// header and 64 bytes of the optional header.
func checksumOffset(exe []byte) int {
	return int(binary.LittleEndian.Uint32(exe[0x3c:])) + 4 + 20 + 64
}

// checksum is the PE image checksum (imagehlp's CheckSumMappedFile): the
// ones'-complement-style sum of 16-bit words folded to 16 bits, skipping the
// checksum field at at, plus the file's length.
func checksum(b []byte, at int) uint32 {
	var sum uint64
	for i := 0; i < len(b); i += 2 {
		if i == at || i == at+2 {
			continue
		}
		w := uint64(b[i])
		if i+1 < len(b) {
			w |= uint64(b[i+1]) << 8
		}
		sum += w
		sum = (sum & 0xffff) + (sum >> 16)
	}
	sum = (sum & 0xffff) + (sum >> 16)
	return uint32(sum) + uint32(len(b))
}
