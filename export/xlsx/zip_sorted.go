package xlsx

import (
	"archive/zip"
	"bytes"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// sortedZip is the zip writer excelize writes a workbook through: it
// compresses each part as it comes and writes them all, in the order of
// their names, when closed. excelize writes the streamed sheets from a map,
// in a random order, and two exports of one plan would otherwise differ.
// The parts are held compressed, a fraction of the sheets' XML.
type sortedZip struct {
	zw    *zip.Writer
	parts []*sortedPart
	open  *sortedPart
}

// sortedPart is one compressed part.
type sortedPart struct {
	name string
	data bytes.Buffer
	crc  hash.Hash32
	size uint64
	fw   io.WriteCloser
}

func (p *sortedPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{zw: zip.NewWriter(w)} }

// Create starts a part, finishing the one before.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &sortedPart{name: name, crc: crc32.NewIEEE()}
	fw, err := fastDeflate(&p.data)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	z.open = p
	z.parts = append(z.parts, p)
	return p, nil
}

// finish closes the part being written.
func (z *sortedZip) finish() error {
	if z.open == nil {
		return nil
	}
	err := z.open.fw.Close()
	z.open = nil
	return err
}

// AddFS adds a file system's files as parts, as zip.Writer does.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Close writes the parts in the order of their names and closes the zip.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortStableFunc(z.parts, func(a, b *sortedPart) int { return strings.Compare(a.name, b.name) })
	for _, p := range z.parts {
		w, err := z.zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return z.zw.Close()
}
