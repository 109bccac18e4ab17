package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

// resource is one entry of a synthetic resource section.
type resource struct {
	typ  uint32
	data []byte
}

const rsrcRVA = 0x1000

// syntheticPE is a minimal PE32+ executable: headers and one .rsrc section
// holding res (type → name 1 → language 1033), with the given subsystem.
func syntheticPE(t testing.TB, subsystem uint16, res ...resource) []byte {
	t.Helper()
	rsrc := resourceSection(res)
	var b bytes.Buffer
	dos := make([]byte, 64)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 64)
	b.Write(dos)
	b.WriteString("PE\x00\x00")
	oh := pe.OptionalHeader64{
		Magic: 0x20b, SectionAlignment: 0x1000, FileAlignment: 0x200, SizeOfImage: rsrcRVA + 0x1000,
		SizeOfHeaders: 0x200, Subsystem: subsystem, NumberOfRvaAndSizes: 16,
	}
	oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE] = pe.DataDirectory{VirtualAddress: rsrcRVA, Size: uint32(len(rsrc))}
	fh := pe.FileHeader{Machine: pe.IMAGE_FILE_MACHINE_AMD64, NumberOfSections: 1,
		SizeOfOptionalHeader: uint16(binary.Size(oh)), Characteristics: 0x22}
	raw := uint32((len(rsrc) + 0x1ff) &^ 0x1ff)
	sh := pe.SectionHeader32{VirtualSize: uint32(len(rsrc)), VirtualAddress: rsrcRVA, SizeOfRawData: raw, PointerToRawData: 0x200}
	copy(sh.Name[:], ".rsrc")
	for _, v := range []any{fh, oh, sh} {
		if err := binary.Write(&b, binary.LittleEndian, v); err != nil {
			t.Fatal(err)
		}
	}
	b.Write(make([]byte, 0x200-b.Len()))
	b.Write(rsrc)
	b.Write(make([]byte, int(raw)-len(rsrc)))
	return b.Bytes()
}

// resourceSection lays out a resource directory of three levels, then the
// data entries, then the data.
func resourceSection(res []resource) []byte {
	n := len(res)
	root := 16 + 8*n
	perType := (16 + 8) * 2 // name directory, language directory
	entries := root + perType*n
	data := entries + 16*n
	out := make([]byte, data)
	le := binary.LittleEndian
	le.PutUint16(out[14:], uint16(n))
	for i, r := range res {
		nameDir := root + perType*i
		langDir := nameDir + 24
		entry := entries + 16*i
		le.PutUint32(out[16+8*i:], r.typ)
		le.PutUint32(out[20+8*i:], uint32(nameDir)|1<<31)
		le.PutUint16(out[nameDir+14:], 1)
		le.PutUint32(out[nameDir+16:], 1)
		le.PutUint32(out[nameDir+20:], uint32(langDir)|1<<31)
		le.PutUint16(out[langDir+14:], 1)
		le.PutUint32(out[langDir+16:], 1033)
		le.PutUint32(out[langDir+20:], uint32(entry))
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		le.PutUint32(out[entry:], uint32(rsrcRVA+len(out)))
		le.PutUint32(out[entry+4:], uint32(len(r.data)))
		out = append(out, r.data...)
	}
	return out
}

// versionBlock encodes one block of a version resource.
func versionBlock(key string, value []byte, text bool, children ...[]byte) []byte {
	b := make([]byte, 6)
	for _, c := range utf16.Encode([]rune(key + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, value...)
	for _, c := range children {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, c...)
	}
	valueLength := len(value)
	if text {
		valueLength /= 2
		binary.LittleEndian.PutUint16(b[4:], 1)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	binary.LittleEndian.PutUint16(b[2:], uint16(valueLength))
	return b
}

func utf16z(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// versionInfo is a VS_VERSIONINFO as Fyne's packager writes it: file
// version 0.1.0.1 and product version 0.1.0.1 in the fixed part, and strings.
func versionInfo(strs ...string) []byte {
	fixed := make([]byte, 52)
	le := binary.LittleEndian
	le.PutUint32(fixed, 0xFEEF04BD)
	le.PutUint32(fixed[4:], 0x10000)
	le.PutUint32(fixed[8:], 0<<16|1)  // file version MS: 0.1
	le.PutUint32(fixed[12:], 0<<16|1) // LS: 0.1
	le.PutUint32(fixed[16:], 0<<16|1)
	le.PutUint32(fixed[20:], 0<<16|1)
	var table [][]byte
	for i := 0; i+1 < len(strs); i += 2 {
		table = append(table, versionBlock(strs[i], utf16z(strs[i+1]), true))
	}
	sfi := versionBlock("StringFileInfo", nil, true, versionBlock("040904B0", nil, true, table...))
	vfi := versionBlock("VarFileInfo", nil, true, versionBlock("Translation", []byte{0x09, 0x04, 0xb0, 0x04}, false))
	return versionBlock("VS_VERSION_INFO", fixed, false, sfi, vfi)
}

// iconGroup is a GRPICONDIR of images of the given sides (256 stored as 0).
func iconGroup(sides ...int) []byte {
	b := []byte{0, 0, 1, 0, byte(len(sides)), 0}
	for i, s := range sides {
		e := make([]byte, 14)
		e[0], e[1] = byte(s), byte(s)
		binary.LittleEndian.PutUint16(e[4:], 1)
		binary.LittleEndian.PutUint16(e[6:], 32)
		binary.LittleEndian.PutUint32(e[8:], 1000)
		binary.LittleEndian.PutUint16(e[12:], uint16(i+1))
		b = append(b, e...)
	}
	return b
}

const manifest = `<?xml version="1.0"?><assembly><assemblyIdentity version="0.1.0.1" name="Mixplan"/></assembly>`

func TestParseInfo(t *testing.T) {
	full := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI,
		resource{rtGroupIcon, iconGroup(16, 32, 256)},
		resource{rtVersion, versionInfo("ProductName", "Mixplan", "FileDescription", "Mixplan", "ProductVersion", "0.1.0.1")},
		resource{rtManifest, []byte(manifest)},
	)
	badPointer := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, resource{rtVersion, versionInfo()})
	binary.LittleEndian.PutUint32(badPointer[0x200+20:], 0x7ffffff0|1<<31) // the type's subdirectory
	loop := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, resource{rtVersion, versionInfo()})
	binary.LittleEndian.PutUint32(loop[0x200+20:], 0|1<<31) // points at the root again
	badVersion := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, resource{rtVersion, versionBlock("Something else", nil, false)})
	staleSum := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	binary.LittleEndian.PutUint32(staleSum[checksumOffset(staleSum):], 0x1234)
	shortIcons := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, resource{rtGroupIcon, iconGroup(16, 32)[:20]})

	tests := []struct {
		name    string
		exe     []byte
		want    *Info
		wantErr string
	}{
		{name: "version, icons and manifest", exe: full, want: &Info{
			Machine: "amd64", Subsystem: "gui", FileVersion: "0.1.0.1", ProductVersion: "0.1.0.1",
			Strings:         map[string]string{"ProductName": "Mixplan", "FileDescription": "Mixplan", "ProductVersion": "0.1.0.1"},
			Icons:           []IconSize{{16, 16, 32}, {32, 32, 32}, {256, 256, 32}},
			Manifest:        manifest,
			VersionResource: true,
			ChecksumOK:      true,
		}},
		{name: "console, no resources", exe: syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI),
			want: &Info{Machine: "amd64", Subsystem: "console", Strings: map[string]string{}, ChecksumOK: true}},
		{name: "stale checksum", exe: staleSum,
			want: &Info{Machine: "amd64", Subsystem: "gui", Strings: map[string]string{}, ChecksumOK: false}},
		{name: "not an executable", exe: []byte("#!/bin/sh\necho hello\n"), wantErr: "not a Windows executable"},
		{name: "directory outside the section", exe: badPointer, wantErr: "outside the section"},
		{name: "directory pointing back", exe: loop, wantErr: "points back"},
		{name: "version resource of another kind", exe: badVersion, wantErr: "not VS_VERSION_INFO"},
		{name: "icon group cut short", exe: shortIcons, wantErr: "run past"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseInfo(tt.exe)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestWithSubsystem(t *testing.T) {
	gui := syntheticPE(t, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, resource{rtVersion, versionInfo("ProductName", "Mixplan")})
	withSum := bytes.Clone(gui)
	binary.LittleEndian.PutUint32(withSum[checksumOffset(withSum):], 1) // a stale checksum

	tests := []struct {
		name    string
		exe     []byte
		changed int // bytes that may differ: the subsystem, and the checksum if set
	}{
		{name: "no checksum", exe: gui, changed: 1},
		{name: "checksum recomputed", exe: withSum, changed: 1 + 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := withSubsystem(tt.exe, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
			if err != nil {
				t.Fatal(err)
			}
			info, err := parseInfo(out)
			if err != nil {
				t.Fatal(err)
			}
			if info.Subsystem != "console" || info.Strings["ProductName"] != "Mixplan" {
				t.Errorf("copy reads as %+v, want a console program with the same version resource", info)
			}
			if len(out) != len(tt.exe) {
				t.Fatalf("copy has %d bytes, the original %d", len(out), len(tt.exe))
			}
			diff := 0
			for i := range out {
				if out[i] != tt.exe[i] {
					diff++
				}
			}
			if diff == 0 || diff > tt.changed {
				t.Errorf("%d bytes differ, want 1 to %d", diff, tt.changed)
			}
			if sum := binary.LittleEndian.Uint32(out[checksumOffset(out):]); tt.changed > 1 && sum != checksum(out, checksumOffset(out)) {
				t.Errorf("checksum %#x is not the copy's", sum)
			}
		})
	}
	if _, err := withSubsystem([]byte("MZ not really"), pe.IMAGE_SUBSYSTEM_WINDOWS_CUI); err == nil {
		t.Error("a file that is not an executable was rewritten")
	}
}

// TestChecksum checks the PE checksum against the algorithm's definition on
// a small image whose sum is worked out by hand.
func TestChecksum(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		at   int
		want uint32
	}{
		// words 0x0201 + 0x0403 (the field's 4 bytes skipped) + 0x0005 (odd byte) = 0x0609, + 9 bytes
		{name: "odd length", b: []byte{1, 2, 3, 4, 0xff, 0xff, 0xff, 0xff, 5}, at: 4, want: 0x0609 + 9},
		// 0xffff + 0x0002 = 0x10001, folded to 0x0002, + 4 bytes
		{name: "carry folded", b: []byte{0xff, 0xff, 2, 0}, at: 100, want: 0x0002 + 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checksum(tt.b, tt.at); got != tt.want {
				t.Errorf("checksum = %#x, want %#x", got, tt.want)
			}
		})
	}
}

func FuzzParseInfo(f *testing.F) {
	f.Add(syntheticPE(f, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI,
		resource{rtGroupIcon, iconGroup(16, 256)},
		resource{rtVersion, versionInfo("ProductName", "Mixplan")},
		resource{rtManifest, []byte(manifest)}))
	f.Add(syntheticPE(f, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI))
	f.Fuzz(func(t *testing.T, exe []byte) {
		info, err := parseInfo(exe)
		if err == nil && info == nil {
			t.Fatal("no info and no error")
		}
	})
}
