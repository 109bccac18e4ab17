package actuals

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"mixplan/planner"
)

// Mapping remembers which plan id a name of a file stands for: "Search |
// Brand 2027" → "sea". An empty id means the name is to be skipped (a
// campaign the plan does not cover). Keys are compared as people read
// them: case, accents and punctuation aside.
type Mapping map[string]string

// Set records that name stands for id ("" to skip it).
func (m Mapping) Set(name, id string) { m[normalize(name)] = id }

// lookup returns the id name stands for and whether the mapping knows it.
func (m Mapping) lookup(name string) (string, bool) {
	id, ok := m[normalize(name)]
	return id, ok
}

// maxMappingBytes bounds a mapping file.
const maxMappingBytes = 4 << 20

// ReadMapping reads a mapping file: a JSON object {"name": "id", …} (null
// or "" to skip a name) or a CSV of two columns, name and id, with or
// without a header line.
func ReadMapping(r io.Reader) (Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxMappingBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxMappingBytes {
		return nil, fmt.Errorf("the mapping file is larger than %d MiB", maxMappingBytes>>20)
	}
	text, ok := decodeText(data)
	if !ok {
		return nil, fmt.Errorf("the mapping file is not text")
	}
	m := Mapping{}
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") {
		var obj map[string]*string
		if err := json.Unmarshal([]byte(t), &obj); err != nil {
			return nil, fmt.Errorf("the mapping file is not a JSON object of names and ids: %v", err)
		}
		for name, id := range obj {
			if id == nil {
				m.Set(name, "")
			} else {
				m.Set(name, strings.TrimSpace(*id))
			}
		}
		return m, nil
	}
	cr := newCSVReader(text, sniffDelimiter(text))
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the mapping file is not a CSV of names and ids: %v", err)
		}
		if len(rec) == 0 || len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) > 2 {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("the mapping file's line %d has %d cells; write name,id", line, len(rec))
		}
		name, id := strings.TrimSpace(rec[0]), ""
		if len(rec) == 2 {
			id = strings.TrimSpace(rec[1])
		}
		if i == 0 && (normalize(name) == "name" || normalize(name) == "nom") {
			continue // header line
		}
		m.Set(name, id)
	}
	return m, nil
}

// WriteMapping writes a mapping as the JSON object ReadMapping reads,
// with the names as given to Set (normalised).
func WriteMapping(w io.Writer, m Mapping) error {
	data, err := json.MarshalIndent(map[string]string(m), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// candidate is a plan entry a name may stand for.
type candidate struct{ id, name string }

func candidates(p *planner.Plan, k Kind) []candidate {
	var c []candidate
	if k == Products {
		for _, x := range p.Products {
			c = append(c, candidate{x.ID, x.Name})
		}
		return c
	}
	for _, x := range p.Promotions {
		c = append(c, candidate{x.ID, x.Name})
	}
	return c
}

// resolve finds the id a name stands for: the mapping's answer, the id
// itself, then the id or the name as people read them. ok is false when
// no id, or more than one, matches; skip when the mapping skips the name.
func resolve(name string, cands []candidate, m Mapping) (id string, skip, ok bool) {
	if id, known := m.lookup(name); known {
		if id == "" {
			return "", true, true
		}
		for _, c := range cands {
			if c.id == id {
				return id, false, true
			}
		}
	}
	for _, c := range cands {
		if c.id == strings.TrimSpace(name) {
			return c.id, false, true
		}
	}
	n := normalize(name)
	found := ""
	for _, c := range cands {
		if n != "" && (normalize(c.id) == n || normalize(c.name) == n) {
			if found != "" && found != c.id {
				return "", false, false
			}
			found = c.id
		}
	}
	return found, false, found != ""
}

// Unmatched is a name of the files that stands for no id of the plan.
type Unmatched struct {
	Name        string
	Kind        Kind
	File        string
	Lines       Lines
	Suggestions []string // the closest ids, closest first
}

// Suggest returns the plan's ids of kind k ordered by how close they are
// to name (edit distance between the normalised name and each id's
// normalised id and name), closest first.
func Suggest(p *planner.Plan, k Kind, name string) []string {
	n := normalize(name)
	type scored struct {
		id   string
		dist int
		at   int
	}
	cands := candidates(p, k)
	s := make([]scored, len(cands))
	for i, c := range cands {
		d := min(distance(n, normalize(c.id)), distance(n, normalize(c.name)))
		for _, w := range []string{normalize(c.id), normalize(c.name)} {
			if w != "" && (strings.Contains(n, w) || strings.Contains(w, n)) {
				d = min(d, abs(len(n)-len(w))/2) // a name that contains the id is close whatever its length
			}
		}
		s[i] = scored{c.id, d, i}
	}
	sort.Slice(s, func(i, j int) bool {
		if s[i].dist != s[j].dist {
			return s[i].dist < s[j].dist
		}
		return s[i].at < s[j].at
	})
	ids := make([]string, len(s))
	for i, x := range s {
		ids[i] = x.id
	}
	return ids
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distance is the Levenshtein distance between a and b, in bytes (the
// strings are normalised to ASCII letters and digits first).
func distance(a, b string) int {
	if len(a) > 200 {
		a = a[:200]
	}
	if len(b) > 200 {
		b = b[:200]
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// FindUnmatched lists the names of the tables that match no id of the
// plan, each with the closest ids; the mapping's answers count as matches.
func FindUnmatched(p *planner.Plan, tables []*Table, m Mapping) []Unmatched {
	var out []Unmatched
	seen := map[string]int{}
	for _, t := range tables {
		cands := candidates(p, t.Kind)
		for _, e := range t.Entries {
			if _, _, ok := resolve(e.Name, cands, m); ok {
				continue
			}
			key := t.Kind.String() + "\x00" + e.Name
			if i, dup := seen[key]; dup {
				out[i].Lines = out[i].Lines.merge(e.Lines)
				continue
			}
			seen[key] = len(out)
			out = append(out, Unmatched{Name: e.Name, Kind: t.Kind, File: t.File, Lines: e.Lines,
				Suggestions: Suggest(p, t.Kind, e.Name)})
		}
	}
	return out
}
