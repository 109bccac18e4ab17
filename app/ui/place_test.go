package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func placeOf(t testing.TB, w *Window) *placeScreen {
	t.Helper()
	if !w.ShowScreen("place") {
		t.Fatal("no place screen")
	}
	return w.Screen("place").(*placeScreen)
}

// shownCell is what the share grid shows in cell (row, col): the table
// fills a fresh cell the way it fills the ones on screen.
func shownCell(tb *widget.Table, row, col int) *widget.Label {
	o := tb.CreateCell()
	tb.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widget.Label)
}

// shownHeader is what a header of the share grid shows.
func shownHeader(tb *widget.Table, row, col int) string {
	o := tb.CreateHeader()
	tb.UpdateHeader(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widget.Label).Text
}

// typeShare selects the share grid's cell (row, col) and types text into the form's field.
func typeShare(g *shareGrid, row, col int, text string) {
	g.table.Select(widget.TableCellID{Row: row, Col: col})
	enter(g.field, g.field.Entry().SetText, text)
}

// productRow returns product id's shares in the plan, by place id.
func productRow(p *planner.Plan, id string) map[string]float64 {
	out := map[string]float64{}
	for _, pl := range p.Places {
		if x, ok := pl.Share[id]; ok {
			out[pl.ID] = x
		}
	}
	return out
}

func TestPlaceFormEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(s *placeScreen)
		check func(pl planner.Place) bool
		undo  string
	}{
		{"name", func(s *placeScreen) { enter(s.name, s.name.Entry().SetText, "Own shops") },
			func(pl planner.Place) bool { return pl.Name == "Own shops" }, "Rename place “Specialist running stores”"},
		{"margin typed as a percentage", func(s *placeScreen) { enter(s.margin, s.margin.Entry().SetText, "35") },
			func(pl planner.Place) bool { return pl.MarginPct == 0.35 }, "Change the margin of “Specialist running stores”"},
		{"margin with its sign", func(s *placeScreen) { enter(s.margin, s.margin.Entry().SetText, "42.5%") },
			func(pl planner.Place) bool { return math.Abs(pl.MarginPct-0.425) < 1e-12 }, "Change the margin of “Specialist running stores”"},
		{"logistics per unit", func(s *placeScreen) { enter(s.logistics, s.logistics.Entry().SetText, "2.75") },
			func(pl planner.Place) bool { return pl.UnitCost == 2.75 }, "Change the logistics cost of “Specialist running stores”"},
		{"fixed costs", func(s *placeScreen) { enter(s.fixedCost, s.fixedCost.Entry().SetText, "€40,000") },
			func(pl planner.Place) bool { return pl.FixedCost == 40000 }, "Change the fixed costs of “Specialist running stores”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := placeOf(t, w)
			s.list.Select(1)
			opened := w.doc.Plan()
			tc.edit(s)
			if !tc.check(w.doc.Plan().Places[1]) {
				t.Fatalf("the plan does not have the change: %+v", w.doc.Plan().Places[1])
			}
			if w.doc.UndoLabel() != tc.undo {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undo)
			}
			if !w.doc.Undo() || w.doc.Plan() != opened || w.doc.UndoLabel() != "" {
				t.Errorf("one undo does not take the plan back to the opened one")
			}
		})
	}
}

func TestPlaceRefusedInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		field  func(s *placeScreen) (interface{ Submit() }, func(string), fyne.Focusable, func() string)
		typed  string
		reason string
	}{
		{"a margin of 100%", marginField, "100", "must be less than 100%"},
		{"a negative margin", marginField, "-5", "must be 0% or more"},
		{"letters in the margin", marginField, "forty", "not a number: letters are not allowed"},
		{"negative logistics", func(s *placeScreen) (interface{ Submit() }, func(string), fyne.Focusable, func() string) {
			return s.logistics, s.logistics.Entry().SetText, s.logistics.Focusable(), s.logistics.Reason
		}, "-1", "must be €0 or more"},
		{"empty fixed costs", func(s *placeScreen) (interface{ Submit() }, func(string), fyne.Focusable, func() string) {
			return s.fixedCost, s.fixedCost.Entry().SetText, s.fixedCost.Focusable(), s.fixedCost.Reason
		}, "", "enter a number"},
		{"an empty name", func(s *placeScreen) (interface{ Submit() }, func(string), fyne.Focusable, func() string) {
			return s.name, s.name.Entry().SetText, s.name.Focusable(), s.name.Reason
		}, " ", "must not be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := placeOf(t, w)
			plan := w.doc.Plan()
			f, setText, focus, reason := tc.field(s)
			setText("")
			test.Type(focus, tc.typed)
			f.Submit()
			if got := reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if w.doc.Plan() != plan || w.doc.Dirty() {
				t.Errorf("the refused input reached the plan")
			}
		})
	}
}

func marginField(s *placeScreen) (interface{ Submit() }, func(string), fyne.Focusable, func() string) {
	return s.margin, s.margin.Entry().SetText, s.margin.Focusable(), s.margin.Reason
}

// TestPlaceResults: the selected place's figures are the report's, and its
// units are the products' units times their shares there.
func TestPlaceResults(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := placeOf(t, w)
	s.list.Select(2) // Sports chains
	p, r := w.doc.Plan(), w.doc.Report()
	units := 0.0
	for i, pr := range p.Products {
		units += r.Products[i].Units * p.Places[2].Share[pr.ID]
	}
	f := w.env.Fmt()
	res := r.Places[2]
	for _, tc := range []struct{ name, got, want string }{
		{"heading", s.heading.Text, "Sports chains"},
		{"units", s.units.Text, f.Units(units)},
		{"gross sales", s.grossSales.Text, f.Money(res.GrossSales)},
		{"net revenue", s.netRevenue.Text, f.Money(res.NetRevenue)},
		{"logistics", s.logisticsCost.Text, f.Money(res.Logistics)},
		{"fixed cost", s.fixed.Text, "€52,000"},
		{"margin field", s.margin.Text(), "45%"},
		{"logistics field", s.logistics.Text(), "€1.50"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	// Net revenue is gross sales less the chains' 45 % margin.
	if math.Abs(res.NetRevenue-res.GrossSales*0.55) > 1e-6 {
		t.Errorf("net revenue %v is not 55%% of gross sales %v", res.NetRevenue, res.GrossSales)
	}
}

func TestPlaceListActions(t *testing.T) {
	for _, tc := range []struct {
		name string
		act  func(w *Window, s *placeScreen)
		ids  []string
		sel  int
		undo string
	}{
		{"add", func(w *Window, s *placeScreen) { test.Tap(s.actions.add) },
			[]string{"eshop", "specialist", "chains", "marketplace", "place"}, 4, "Add place “New place”"},
		{"duplicate the second", func(w *Window, s *placeScreen) { s.list.Select(1); test.Tap(s.actions.duplicate) },
			[]string{"eshop", "specialist", "specialist-copy", "chains", "marketplace"}, 2, "Duplicate place “Specialist running stores”"},
		{"delete the last after confirming", func(w *Window, s *placeScreen) {
			s.list.Select(3)
			test.Tap(s.actions.remove)
			w.lastDialog.(*dialog.ConfirmDialog).Confirm()
		}, []string{"eshop", "specialist", "chains"}, 2, "Delete place “Online marketplace”"},
		{"move the first down", func(w *Window, s *placeScreen) { s.list.Select(0); test.Tap(s.actions.down) },
			[]string{"specialist", "eshop", "chains", "marketplace"}, 1, "Move place “Northpeak e-shop” down"},
		{"move the last up", func(w *Window, s *placeScreen) { s.list.Select(3); test.Tap(s.actions.up) },
			[]string{"eshop", "specialist", "marketplace", "chains"}, 2, "Move place “Online marketplace” up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := placeOf(t, w)
			tc.act(w, s)
			p := w.doc.Plan()
			var ids []string
			for _, pl := range p.Places {
				ids = append(ids, pl.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
				t.Errorf("places %v, want %v", ids, tc.ids)
			}
			if s.sel != tc.sel || s.name.Text() != p.Places[tc.sel].Name {
				t.Errorf("selected %d showing %q, want %d (%q)", s.sel, s.name.Text(), tc.sel, p.Places[tc.sel].Name)
			}
			if w.doc.UndoLabel() != tc.undo {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undo)
			}
			// The grid has a column per place and the total, headed by their names.
			if _, cols := s.shares.table.Length(); cols != len(tc.ids)+1 {
				t.Errorf("grid has %d columns, want %d", cols, len(tc.ids)+1)
			}
			for k, pl := range p.Places {
				if got := shownHeader(s.shares.table, -1, k); !namedBy(got, pl.Name) {
					t.Errorf("column %d is headed %q, want %q", k, got, pl.Name)
				}
			}
			if got := shownHeader(s.shares.table, -1, len(p.Places)); got != "Total" {
				t.Errorf("last column headed %q", got)
			}
		})
	}
}

// namedBy reports whether a header shows name, whole or shortened with "…".
func namedBy(shown, name string) bool {
	if shown == name {
		return true
	}
	prefix, cut := strings.CutSuffix(shown, "…")
	return cut && len(prefix) >= 4 && strings.HasPrefix(name, prefix)
}

// TestNewPlacesSellNothing: a new place and a duplicate keep every
// product's shares as they were, and the grid shows their cells empty.
func TestNewPlacesSellNothing(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := placeOf(t, w)
	before := w.doc.Plan()
	s.list.Select(0)
	test.Tap(s.actions.duplicate)
	test.Tap(s.actions.add)
	p := w.doc.Plan()
	for _, pr := range p.Products {
		if got, want := productRow(p, pr.ID), productRow(before, pr.ID); len(got) != len(want) {
			t.Errorf("%s is sold through %v, want %v", pr.ID, got, want)
		}
	}
	if p.Places[1].MarginPct != before.Places[0].MarginPct || p.Places[1].FixedCost != before.Places[0].FixedCost {
		t.Errorf("the duplicate does not have the e-shop's terms: %+v", p.Places[1])
	}
	for _, col := range []int{1, 5} {
		if l := shownCell(s.shares.table, 0, col); l.Text != "—" {
			t.Errorf("new place's cell shows %q", l.Text)
		}
	}
}

func TestDeletePlaceSpreadsItsShares(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := placeOf(t, w)
	s.list.Select(0) // the e-shop sells 55% of the gift box
	test.Tap(s.actions.remove)
	d := w.lastDialog.(*dialog.ConfirmDialog)
	d.Confirm()
	p := w.doc.Plan()
	// gift-box: specialist 0.15, chains 0.10, marketplace 0.20 take the
	// e-shop's 0.55 in proportion 15:10:20.
	got := productRow(p, "gift-box")
	for id, want := range map[string]float64{"specialist": 0.15 / 0.45, "chains": 0.10 / 0.45, "marketplace": 0.20 / 0.45} {
		if math.Abs(got[id]-want) > 1e-12 {
			t.Errorf("%s sells %v of the gift box, want %v", id, got[id], want)
		}
	}
	// The grid's total column still reads 100% for every product.
	for i := range p.Products {
		if l := shownCell(s.shares.table, i, len(p.Places)); l.Text != "100%" || l.Importance != widget.SuccessImportance {
			t.Errorf("product %d total shows %q (%v)", i, l.Text, l.Importance)
		}
	}
}

func TestDeletePlaceConfirmSaysWhereSharesGo(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := placeOf(t, w)
	test.Tap(s.actions.remove)
	if _, ok := w.lastDialog.(*dialog.ConfirmDialog); !ok {
		t.Fatal("no confirmation asked")
	}
	texts := dialogTexts(w)
	if !strings.Contains(texts, "in proportion to their shares") {
		t.Errorf("the confirmation does not say where the shares go: %q", texts)
	}
	w.lastDialog.(*dialog.ConfirmDialog).Dismiss()
	if w.doc.Dirty() || len(w.doc.Plan().Places) != 4 {
		t.Error("a cancelled delete changed the plan")
	}
}

// TestDeleteOnlyPlaceRefused: a place that is some product's only one is
// not deleted, and the message names the products.
func TestDeleteOnlyPlaceRefused(t *testing.T) {
	p := samplePlan(t)
	for k := 1; k < len(p.Places); k++ {
		delete(p.Places[k].Share, "gift-box")
	}
	p.Places[0].Share["gift-box"] = 1
	w := openWindow(t, p, "", "")
	s := placeOf(t, w)
	s.list.Select(0)
	test.Tap(s.actions.remove)
	if _, isConfirm := w.lastDialog.(*dialog.ConfirmDialog); isConfirm || w.lastDialog == nil {
		t.Fatalf("asked to confirm instead of refusing")
	}
	texts := dialogTexts(w)
	for _, want := range []string{"“Northpeak e-shop” cannot be deleted", "the only place selling “Winter trail gift box”"} {
		if !strings.Contains(texts, want) {
			t.Errorf("refusal %q does not say %q", texts, want)
		}
	}
	if w.doc.Dirty() || len(w.doc.Plan().Places) != 4 {
		t.Error("the refused delete changed the plan")
	}
}

// dialogTexts is every text in the window's overlays (the dialog shown).
func dialogTexts(w *Window) string {
	var texts []string
	for _, o := range w.win.Canvas().Overlays().List() {
		texts = append(texts, labelTexts(o)...)
	}
	return strings.Join(texts, "\n")
}

// labelTexts collects the text of every label and rich text inside o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// pickInDialog picks name in the picker dialog the window shows.
func pickInDialog(t *testing.T, w *Window, name string) {
	t.Helper()
	var list *widget.List
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.List:
			list = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range w.win.Canvas().Overlays().List() {
		walk(o)
	}
	if list == nil {
		t.Fatal("no list to pick from")
	}
	for i := 0; i < list.Length(); i++ {
		o := list.CreateItem()
		list.UpdateItem(i, o)
		if o.(*widget.Label).Text == name {
			list.Select(i)
			return
		}
	}
	t.Fatalf("%q is not offered", name)
}

// TestShareGrid types shares as a person would and checks what the grid,
// the banner and the plan then show.
func TestShareGrid(t *testing.T) {
	const trail, eshop, specialist, chains, marketplace = 0, 0, 1, 2, 3
	type step struct {
		row, col int
		text     string
	}
	for _, tc := range []struct {
		name   string
		plan   func(p *planner.Plan)
		steps  []step
		after  func(g *shareGrid) // a button, or nothing
		total  string             // the row's total cell
		danger bool               // total shown as wrong
		banner string             // "" for hidden
		row    map[string]float64 // trail shoe's shares in the plan
		undo   string
	}{
		{name: "a row left short is held as a draft",
			steps: []step{{trail, eshop, "20"}},
			total: "90% · 10% left", danger: true,
			banner: "Shares of “Ridgeline trail shoe” add up to 90% — 10% left to place.",
			row:    map[string]float64{"eshop": 0.3, "specialist": 0.4, "chains": 0.2, "marketplace": 0.1}},
		{name: "a row over 100% says how much too much",
			steps: []step{{trail, eshop, "45"}},
			total: "115% · 15% over", danger: true,
			banner: "Shares of “Ridgeline trail shoe” add up to 115% — 15% too much to place.",
			row:    map[string]float64{"eshop": 0.3, "specialist": 0.4, "chains": 0.2, "marketplace": 0.1}},
		{name: "a row that adds up again is applied at once",
			steps: []step{{trail, eshop, "45"}, {trail, marketplace, "0"}, {trail, chains, "15"}},
			total: "100%",
			row:   map[string]float64{"eshop": 0.45, "specialist": 0.4, "chains": 0.15},
			undo:  "Change the shares of “Ridgeline trail shoe”"},
		{name: "spread the remainder over the other places in proportion",
			steps: []step{{trail, eshop, "20"}},
			after: func(g *shareGrid) { test.Tap(g.spread) },
			total: "100%",
			row:   map[string]float64{"eshop": 0.2, "specialist": 0.4 + 0.1*4/7, "chains": 0.2 + 0.1*2/7, "marketplace": 0.1 + 0.1/7},
			undo:  "Change the shares of “Ridgeline trail shoe”"},
		{name: "spread equally when no other place sells it",
			plan: func(p *planner.Plan) {
				for k := range p.Places {
					p.Places[k].Share["trail-shoe"] = 0
				}
				p.Places[0].Share["trail-shoe"] = 1
			},
			steps: []step{{trail, eshop, "40"}},
			after: func(g *shareGrid) { test.Tap(g.spread) },
			total: "100%",
			row:   map[string]float64{"eshop": 0.4, "specialist": 0.2, "chains": 0.2, "marketplace": 0.2},
			undo:  "Change the shares of “Ridgeline trail shoe”"},
		{name: "discard forgets the draft",
			steps: []step{{trail, eshop, "20"}, {trail, specialist, "10"}},
			after: func(g *shareGrid) { test.Tap(g.revert) },
			total: "100%",
			row:   map[string]float64{"eshop": 0.3, "specialist": 0.4, "chains": 0.2, "marketplace": 0.1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			if tc.plan != nil {
				tc.plan(p)
			}
			w := openWindow(t, p, "", "")
			g := placeOf(t, w).shares
			opened := w.doc.Plan()
			for _, st := range tc.steps {
				typeShare(g, st.row, st.col, st.text)
				if r := g.field.Reason(); r != "" {
					t.Fatalf("typing %q was refused: %s", st.text, r)
				}
			}
			if tc.after != nil {
				tc.after(g)
			}
			total := shownCell(g.table, trail, 4)
			if total.Text != tc.total || (total.Importance == widget.DangerImportance) != tc.danger {
				t.Errorf("total shows %q (importance %v), want %q (wrong: %v)", total.Text, total.Importance, tc.total, tc.danger)
			}
			if shown := g.banner.Visible(); shown != (tc.banner != "") || (shown && g.bannerText.Text != tc.banner) {
				t.Errorf("banner shown %v saying %q, want %q", shown, g.bannerText.Text, tc.banner)
			}
			got := productRow(w.doc.Plan(), "trail-shoe")
			for id, want := range tc.row {
				if math.Abs(got[id]-want) > 1e-12 {
					t.Errorf("plan: %s sells %v of the trail shoe, want %v", id, got[id], want)
				}
			}
			for id, x := range got {
				if _, ok := tc.row[id]; !ok && x != 0 {
					t.Errorf("plan: %s sells %v of the trail shoe, want nothing", id, x)
				}
			}
			if w.doc.UndoLabel() != tc.undo {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undo)
			}
			if tc.undo != "" && (!w.doc.Undo() || w.doc.Plan() != opened) {
				t.Error("one undo does not bring the row back")
			}
		})
	}
}

// TestShareDraftShown: the cells typed in a draft stand out, and the field
// shows the draft's value when its cell is selected again.
func TestShareDraftShown(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	g := placeOf(t, w).shares
	typeShare(g, 1, 0, "10")
	if l := shownCell(g.table, 1, 0); l.Text != "10%" || l.Importance != widget.WarningImportance || !l.TextStyle.Bold {
		t.Errorf("typed cell shows %q (importance %v, bold %v)", l.Text, l.Importance, l.TextStyle.Bold)
	}
	if l := shownCell(g.table, 1, 1); l.Text != "35%" || l.Importance != widget.MediumImportance {
		t.Errorf("untyped cell shows %q (%v)", l.Text, l.Importance)
	}
	g.table.Select(widget.TableCellID{Row: 1, Col: 1})
	g.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if g.field.Text() != "10%" {
		t.Errorf("field shows %q for the typed cell", g.field.Text())
	}
	if want := "Share of “Tempo road shoe” sold through “Northpeak e-shop”"; g.cellTitle.Text != want {
		t.Errorf("form title %q, want %q", g.cellTitle.Text, want)
	}
}

func TestShareRefusals(t *testing.T) {
	for _, tc := range []struct {
		name          string
		first         [3]any // a share typed before, or nil
		row, col      int
		text, reason  string
		draftProducts string
	}{
		{name: "over 100%", row: 0, col: 0, text: "120", reason: "must be 100% or less"},
		{name: "negative", row: 0, col: 1, text: "-10", reason: "must be 0% or more"},
		{name: "letters", row: 0, col: 1, text: "half", reason: "not a number: letters are not allowed"},
		{name: "another row while a draft is open", first: [3]any{0, 0, "20"}, row: 1, col: 0, text: "20",
			reason: "first finish the shares of “Ridgeline trail shoe”: spread the remainder or discard them", draftProducts: "trail-shoe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			g := placeOf(t, w).shares
			if tc.first[2] != nil {
				typeShare(g, tc.first[0].(int), tc.first[1].(int), tc.first[2].(string))
			}
			typeShare(g, tc.row, tc.col, tc.text)
			if got := g.field.Reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if g.field.Text() != tc.text {
				t.Errorf("the typed text was lost: %q", g.field.Text())
			}
			if w.doc.Dirty() {
				t.Error("the refused share reached the plan")
			}
			draft := ""
			if g.draft != nil {
				draft = g.draft.product
			}
			if draft != tc.draftProducts {
				t.Errorf("draft of %q, want %q", draft, tc.draftProducts)
			}
		})
	}
}

// TestShareDraftSurvivesOtherEdits: an edit elsewhere (or an undo) keeps
// what was typed; deleting the product it was for forgets it.
func TestShareDraftSurvivesOtherEdits(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := placeOf(t, w)
	typeShare(s.shares, 0, 0, "20")
	enter(s.fixedCost, s.fixedCost.Entry().SetText, "1000")
	if !s.shares.banner.Visible() || shownCell(s.shares.table, 0, 4).Text != "90% · 10% left" {
		t.Errorf("an edit of the place lost the draft")
	}
	if err := w.env.Edit("delete", func(p *planner.Plan) {
		p.Products = p.Products[1:]
		for k := range p.Places {
			delete(p.Places[k].Share, "trail-shoe")
		}
		for c := range p.Promotions {
			delete(p.Promotions[c].Split, "trail-shoe")
		}
	}); err != nil {
		t.Fatal(err)
	}
	if s.shares.draft != nil || s.shares.banner.Visible() {
		t.Errorf("the draft of a deleted product is still shown")
	}
}

func TestPlaceScreenInFrench(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	t.Cleanup(func() { w.SetLanguage("") })
	w.SetLanguage("fr")
	s := placeOf(t, w)
	if s.Title() != "Distribution" {
		t.Errorf("title %q", s.Title())
	}
	typeShare(s.shares, 0, 0, "20")
	want := "Les parts de «\u00a0Ridgeline trail shoe\u00a0» font 90% — reste 10% à placer."
	if s.shares.bannerText.Text != want {
		t.Errorf("banner %q, want %q", s.shares.bannerText.Text, want)
	}
}

// BenchmarkPlaceShareEdit is a person changing a product's shares in the
// large plan's grid: a share that leaves the row short (held as a draft),
// then one that makes it add up (applied: validate, recompute, redraw).
func BenchmarkPlaceShareEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	g := placeOf(b, w).shares
	p := w.doc.Plan()
	row, id := -1, ""
	var cols []int
	for i, pr := range p.Products {
		cols = cols[:0]
		for k, pl := range p.Places {
			if pl.Share[pr.ID] > 0 {
				cols = append(cols, k)
			}
		}
		if len(cols) >= 2 {
			row, id = i, pr.ID
			break
		}
	}
	a, c := cols[0], cols[1]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := w.doc.Plan()
		x, y := p.Places[a].Share[id], p.Places[c].Share[id]
		d := 0.01
		if i%2 == 1 {
			d = -0.01
		}
		g.selectCell(row, a)
		if err := g.commitShare(x + d); err != nil {
			b.Fatal(err)
		}
		g.selectCell(row, c)
		if err := g.commitShare(y - d); err != nil {
			b.Fatal(err)
		}
		if g.draft != nil {
			b.Fatal("the row was not applied")
		}
	}
}

// TestPlaceOpensAtTheTop: when the screen is first shown its list and grid
// show their first rows (selecting before the layout used to scroll them
// out of sight).
func TestPlaceOpensAtTheTop(t *testing.T) {
	w := openWindow(t, plangen.Generate(plangen.Large, 1), "", "")
	s := placeOf(t, w)
	if off := s.list.GetScrollOffset(); off != 0 {
		t.Errorf("place list scrolled to %v", off)
	}
	p := w.doc.Plan()
	shown := strings.Join(labelTexts(s.shares.table), "|")
	for _, want := range []string{p.Products[0].Name, p.Products[1].Name, p.Places[0].Name} {
		if !strings.Contains(shown, want) {
			t.Errorf("share grid does not show %q: %s", want, shown)
		}
	}
}

// TestFindProductInGrid: "Find a product…" selects the product's row in the
// column selected, and the form shows it.
func TestFindProductInGrid(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	g := placeOf(t, w).shares
	g.table.Select(widget.TableCellID{Row: 0, Col: 2})
	test.Tap(g.find)
	pickInDialog(t, w, "Winter trail gift box")
	if g.cell != (widget.TableCellID{Row: 4, Col: 2}) {
		t.Errorf("selected %v, want row 4, column 2", g.cell)
	}
	if want := "Share of “Winter trail gift box” sold through “Sports chains”"; g.cellTitle.Text != want || g.field.Text() != "10%" {
		t.Errorf("form shows %q, %q", g.cellTitle.Text, g.field.Text())
	}
}
