package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"mixplan/export/internal/exporttest"
)

// whitespaceBomb is the hostile workbook of issue 11: a real Mixplan
// workbook whose Products sheet honestly declares, and inflates to, gib
// GiB, nearly all of it whitespace after <sheetData>, in a zip of about
// gib MB. Worksheets were exempt from the part cap, and this one took 87 s
// and 4.2 GB of memory to refuse.
func whitespaceBomb(t testing.TB, gib float64) []byte {
	t.Helper()
	book := export(t, exporttest.BarePlan(), Options{Generated: exporttest.FixedDate})
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet2.xml" {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, _ := zf.Open()
		sheet, _ := io.ReadAll(rc)
		rc.Close()
		at := bytes.Index(sheet, []byte("<sheetData>")) + len("<sheetData>")
		compressed, crc, size := deflatedWhitespace(t, sheet[:at], sheet[at:], int(gib*1024))
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(compressed)), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(compressed)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// deflatedWhitespace deflates head, mib MiB of spaces and tail without
// deflating every MiB: once the window holds only spaces, the block that
// deflates one MiB of spaces is the same every time, and is repeated.
func deflatedWhitespace(t testing.TB, head, tail []byte, mib int) (data []byte, crc uint32, size uint64) {
	t.Helper()
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(head)
	fw.Write(spaces)
	fw.Flush()
	prefix := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write(spaces)
	fw.Flush()
	block := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write(tail)
	fw.Close()
	out := append(prefix, bytes.Repeat(block, mib-1)...)
	out = append(out, buf.Bytes()...)
	h := crc32.NewIEEE()
	h.Write(head)
	for i := 0; i < mib; i++ {
		h.Write(spaces)
	}
	h.Write(tail)
	return out, h.Sum32(), uint64(len(head)+len(tail)) + uint64(mib)<<20
}

// TestWhitespaceBombRefused: the 1.9 GiB whitespace sheet is refused
// from the zip's directory, before anything is unpacked, allocating next
// to nothing. (Peak memory of the command line on it, measured with
// /usr/bin/time -v, is in docs/model.md's limits section.)
func TestWhitespaceBombRefused(t *testing.T) {
	bomb := whitespaceBomb(t, 1.9)
	if len(bomb) > 3<<20 {
		t.Fatalf("the bomb is %d bytes, not a small file", len(bomb))
	}
	if *updateXLSX {
		os.WriteFile("testdata/whitespace-bomb.xlsx.tmp", bomb, 0o644) // for measuring by hand; not kept
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	p, err := read(bomb)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if p != nil || !errors.Is(err, ErrWorkbookTooLarge) || !strings.Contains(err.Error(), "xl/worksheets/sheet2.xml would unpack to 1945 MiB") {
		t.Fatalf("got %v, %v", p != nil, err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 200<<20 {
		t.Errorf("refusing the bomb allocated %d MiB", grown>>20)
	}
	t.Logf("refused in %v: %v", took, err)
}

// TestSmallWhitespaceSheetReads: whitespace within the limits is not a
// bomb: a 20 MiB sheet (past xlsxInMemory, so streamed from a temporary
// file) reads back the plan.
func TestSmallWhitespaceSheetReads(t *testing.T) {
	p, err := read(whitespaceBomb(t, 20.0/1024))
	if err != nil {
		t.Fatal(err)
	}
	sameMarshal(t, p, exporttest.BarePlan())
}
