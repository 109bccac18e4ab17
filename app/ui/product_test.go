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

func productOf(t testing.TB, w *Window) *productScreen {
	t.Helper()
	if !w.ShowScreen("product") {
		t.Fatal("no product screen")
	}
	return w.Screen("product").(*productScreen)
}

// committer is a field a person types into and submits.
type committer interface {
	Focusable() fyne.Focusable
	Submit()
}

// TestProductFieldsAreOneUndoStep commits each field of the product form
// as a person would and checks the plan, then that one undo takes it back.
func TestProductFieldsAreOneUndoStep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(s *productScreen)
		check func(p *planner.Plan) bool
		undo  string
	}{
		{"name", func(s *productScreen) { enter(s.name, s.name.Entry().SetText, "Ridgeline GTX") },
			func(p *planner.Plan) bool { return p.Products[0].Name == "Ridgeline GTX" }, "Rename product “Ridgeline trail shoe”"},
		{"id, renamed in shares and splits", func(s *productScreen) { enter(s.id, s.id.Entry().SetText, "ridgeline") },
			func(p *planner.Plan) bool {
				return p.Products[0].ID == "ridgeline" && p.Places[0].Share["ridgeline"] == 0.3 && p.Promotions[0].Split["ridgeline"] == 0.45
			}, "Change the ID of “Ridgeline trail shoe”"},
		{"unit cost", func(s *productScreen) { enter(s.unitCost, s.unitCost.Entry().SetText, "€40.50") },
			func(p *planner.Plan) bool { return p.Products[0].UnitCost == 40.5 }, "Change the unit cost of “Ridgeline trail shoe”"},
		{"base volume", func(s *productScreen) { enter(s.baseVolume, s.baseVolume.Entry().SetText, "18,000") },
			func(p *planner.Plan) bool { return p.Products[0].BaseVolume == 18000 }, "Change the base volume of “Ridgeline trail shoe”"},
		{"reference price", func(s *productScreen) { enter(s.refPrice, s.refPrice.Entry().SetText, "145") },
			func(p *planner.Plan) bool { return p.Products[0].ReferencePrice == 145 }, "Change the reference price of “Ridgeline trail shoe”"},
		{"elasticity", func(s *productScreen) { enter(s.elasticity, s.elasticity.Entry().SetText, "-2.25") },
			func(p *planner.Plan) bool { return p.Products[0].Elasticity == -2.25 }, "Change the elasticity of “Ridgeline trail shoe”"},
		{"launch cost", func(s *productScreen) { enter(s.launchCost, s.launchCost.Entry().SetText, "0") },
			func(p *planner.Plan) bool { return p.Products[0].LaunchCost == 0 }, "Change the launch cost of “Ridgeline trail shoe”"},
		{"units per customer", func(s *productScreen) { enter(s.perCustomer, s.perCustomer.Entry().SetText, "1.5") },
			func(p *planner.Plan) bool { return p.Products[0].UnitsPerCustomer == 1.5 }, "Change the units per customer of “Ridgeline trail shoe”"},
		{"flat seasonality", func(s *productScreen) { test.Tap(s.flat) },
			func(p *planner.Plan) bool { return p.Products[0].Seasonality == nil }, "Make the seasonality of “Ridgeline trail shoe” flat"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := productOf(t, w)
			s.list.Select(0)
			opened := w.doc.Plan()
			tc.edit(s)
			if !tc.check(w.doc.Plan()) {
				t.Fatalf("the plan does not have the change: %+v", w.doc.Plan().Products[0])
			}
			if got := w.doc.UndoLabel(); got != tc.undo {
				t.Errorf("undo step %q, want %q", got, tc.undo)
			}
			if !w.doc.Undo() || w.doc.Plan() != opened || w.doc.UndoLabel() != "" {
				t.Errorf("one undo does not take the plan back to the opened one (undo left: %q)", w.doc.UndoLabel())
			}
			if s.name.Text() != "Ridgeline trail shoe" || s.id.Text() != "trail-shoe" {
				t.Errorf("after undo the form shows %q (%q)", s.name.Text(), s.id.Text())
			}
		})
	}
}

// formField is a field of a form: a number or a text a person types into.
type formField interface {
	committer
	Entry() *widget.Entry
	Reason() string
	Text() string
}

// TestProductRefusedInput types what a plan cannot take: the field says
// why, keeps the text, and the plan does not change.
func TestProductRefusedInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		field  func(s *productScreen) formField
		typed  string
		reason string
	}{
		{"an elasticity above 0", func(s *productScreen) formField { return s.elasticity }, "0.5", "must be 0 or less"},
		{"an elasticity below -20", func(s *productScreen) formField { return s.elasticity }, "-25", "must be -20 or more"},
		{"no units per customer", func(s *productScreen) formField { return s.perCustomer }, "0", "must be greater than 0"},
		{"a negative unit cost", func(s *productScreen) formField { return s.unitCost }, "-3", "must be €0 or more"},
		{"a zero reference price", func(s *productScreen) formField { return s.refPrice }, "0", "must be greater than €0"},
		{"letters in the base volume", func(s *productScreen) formField { return s.baseVolume }, "12k", "not a number: letters are not allowed"},
		{"a negative launch cost", func(s *productScreen) formField { return s.launchCost }, "-1", "must be €0 or more"},
		{"an empty name", func(s *productScreen) formField { return s.name }, " ", "must not be empty"},
		{"an id with a space", func(s *productScreen) formField { return s.id }, "trail shoe", "use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"},
		{"another product's id", func(s *productScreen) formField { return s.id }, "road-shoe", "“Tempo road shoe” already has this ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := productOf(t, w)
			s.list.Select(0)
			plan := w.doc.Plan()
			f := tc.field(s)
			enter(f, f.Entry().SetText, tc.typed)
			if got := f.Reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if f.Text() != tc.typed {
				t.Errorf("the typed text was lost: %q", f.Text())
			}
			if w.doc.Plan() != plan || w.doc.UndoLabel() != "" || w.doc.Dirty() {
				t.Errorf("the plan changed (undo %q)", w.doc.UndoLabel())
			}
		})
	}
}

func productIDs(p *planner.Plan) []string {
	var ids []string
	for _, pr := range p.Products {
		ids = append(ids, pr.ID)
	}
	return ids
}

func TestProductListActions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		act     func(w *Window, s *productScreen)
		ids     []string
		sel     int
		undoLbl string
	}{
		{"add", func(w *Window, s *productScreen) { test.Tap(s.actions.add) },
			[]string{"trail-shoe", "road-shoe", "vest", "socks", "gift-box", "product"}, 5, "Add product “New product”"},
		{"duplicate the second", func(w *Window, s *productScreen) { s.list.Select(1); test.Tap(s.actions.duplicate) },
			[]string{"trail-shoe", "road-shoe", "road-shoe-copy", "vest", "socks", "gift-box"}, 2, "Duplicate product “Tempo road shoe”"},
		{"delete the third after confirming", func(w *Window, s *productScreen) {
			s.list.Select(2)
			test.Tap(s.actions.remove)
			w.lastDialog.(*dialog.ConfirmDialog).Confirm()
		}, []string{"trail-shoe", "road-shoe", "socks", "gift-box"}, 2, "Delete product “Hydration vest 8 L”"},
		{"delete the last row", func(w *Window, s *productScreen) {
			s.list.Select(4)
			test.Tap(s.actions.remove)
			w.lastDialog.(*dialog.ConfirmDialog).Confirm()
		}, []string{"trail-shoe", "road-shoe", "vest", "socks"}, 3, "Delete product “Winter trail gift box”"},
		{"move the first down", func(w *Window, s *productScreen) { s.list.Select(0); test.Tap(s.actions.down) },
			[]string{"road-shoe", "trail-shoe", "vest", "socks", "gift-box"}, 1, "Move product “Ridgeline trail shoe” down"},
		{"move the last up", func(w *Window, s *productScreen) { s.list.Select(4); test.Tap(s.actions.up) },
			[]string{"trail-shoe", "road-shoe", "vest", "gift-box", "socks"}, 3, "Move product “Winter trail gift box” up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := productOf(t, w)
			tc.act(w, s)
			p := w.doc.Plan()
			if got := strings.Join(productIDs(p), " "); got != strings.Join(tc.ids, " ") {
				t.Errorf("products %v, want %v", got, tc.ids)
			}
			if s.sel != tc.sel || s.name.Text() != p.Products[tc.sel].Name || s.heading.Text != p.Products[tc.sel].Name {
				t.Errorf("selected %d showing %q, want %d (%q)", s.sel, s.name.Text(), tc.sel, p.Products[tc.sel].Name)
			}
			if w.doc.UndoLabel() != tc.undoLbl {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undoLbl)
			}
			if s.list.Length() != len(tc.ids) {
				t.Errorf("list shows %d rows", s.list.Length())
			}
		})
	}
}

// TestAddedProductIsSold checks what Add puts in the plan: a product to fill
// in, sold through every place in the plan's overall mix, flat, shown in the
// form with its figures.
func TestAddedProductIsSold(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := productOf(t, w)
	test.Tap(s.actions.add)
	p := w.doc.Plan()
	mix := mixShares(samplePlan(t))
	for k, pl := range p.Places {
		if pl.Share["product"] != mix[k] {
			t.Errorf("place %s sells %v of the new product, want %v", pl.ID, pl.Share["product"], mix[k])
		}
	}
	pr := p.Products[5]
	if pr.Seasonality != nil || pr.Name != "New product" || pr.ListPrice <= 0 {
		t.Errorf("new product %+v", pr)
	}
	if s.units.Text == "" || s.units.Text == "0" || s.flat.Disabled() == false {
		t.Errorf("new product shows %q units, flat button enabled %v", s.units.Text, !s.flat.Disabled())
	}
}

// TestDeleteProductSaysWhatGoes: the confirmation names the channels whose
// split the product leaves empty, and after deleting they follow base volume.
func TestDeleteProductSaysWhatGoes(t *testing.T) {
	p := samplePlan(t)
	p.Promotions[3].Split = map[string]float64{"gift-box": 1}
	w := openWindow(t, p, "", "")
	s := productOf(t, w)
	s.list.Select(4)
	test.Tap(s.actions.remove)
	d, ok := w.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatalf("no confirmation asked")
	}
	text := strings.Join(explainedLines(t, w), " ")
	for _, want := range []string{"Delete “Winter trail gift box” from the plan", "The other products are not affected",
		"“Email & loyalty” splits its extra units over this product only: it will follow each product’s base volume instead."} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation %q does not say %q", text, want)
		}
	}
	d.Confirm()
	after := w.doc.Plan()
	if after.Promotions[3].Split != nil || len(after.Products) != 4 {
		t.Errorf("email split %v, %d products", after.Promotions[3].Split, len(after.Products))
	}
	for _, pl := range after.Places {
		if _, in := pl.Share["gift-box"]; in {
			t.Errorf("place %s still sells the deleted product", pl.ID)
		}
	}
}

func TestCancelDeleteProduct(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := productOf(t, w)
	s.list.Select(0)
	test.Tap(s.actions.remove)
	w.lastDialog.(*dialog.ConfirmDialog).Dismiss()
	if len(w.doc.Plan().Products) != 5 || w.doc.Dirty() {
		t.Errorf("cancelled delete changed the plan")
	}
}

// TestDeleteEveryProduct: the plan format allows a plan with no products,
// so the last one can go; the screen then says there are none, the other
// screens still show the plan, and undo brings it back.
func TestDeleteEveryProduct(t *testing.T) {
	p := samplePlan(t)
	removeProduct(p, "road-shoe")
	removeProduct(p, "vest")
	removeProduct(p, "socks")
	removeProduct(p, "gift-box")
	w := openWindow(t, p, "", "")
	s := productOf(t, w)
	test.Tap(s.actions.remove)
	w.lastDialog.(*dialog.ConfirmDialog).Confirm()
	if len(w.doc.Plan().Products) != 0 || s.sel != -1 || s.detail.Visible() || !s.empty.Visible() {
		t.Fatalf("after deleting the last product: sel %d, form visible %v", s.sel, s.detail.Visible())
	}
	for _, id := range []string{"overview", "price", "promotion"} {
		w.ShowScreen(id) // nothing panics on an empty range
	}
	if got := tileValue(w, kpiRevenue); got != "€0" {
		t.Errorf("revenue without products %q", got)
	}
	w.ShowScreen("product")
	w.doc.Undo()
	if s.sel != 0 || !s.detail.Visible() || s.name.Text() != "Ridgeline trail shoe" {
		t.Errorf("undo does not bring the product back into the form")
	}
}

// TestAddProductWithoutPlaces: a product must be sold somewhere, so Add
// explains that a place comes first and changes nothing.
func TestAddProductWithoutPlaces(t *testing.T) {
	p := samplePlan(t)
	p.Products, p.Places = nil, nil
	for i := range p.Promotions {
		p.Promotions[i].Split = nil
	}
	w := openWindow(t, p, "", "")
	s := productOf(t, w)
	test.Tap(s.actions.add)
	if w.doc.Dirty() || len(w.doc.Plan().Products) != 0 {
		t.Errorf("a product was added to a plan without places")
	}
	if w.lastDialog == nil || !strings.Contains(strings.Join(explainedLines(t, w), " "), "Every product is sold through at least one place") {
		t.Errorf("no explanation shown")
	}
}

// TestProductResults checks the figures beside the form, against the
// engine's report of the sample plan (verified by hand for the trail shoe:
// net price 139 × 0.92 = 127.88; per unit after the places' margins
// 127.88 × 0.735 = 93.99, less cost 38 and logistics 3.85 = 52.14).
func TestProductResults(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := productOf(t, w)
	for _, tc := range []struct {
		scenario   string
		product    int
		want       []string
		rowInfo    string
		rowOfIndex int
	}{
		{"base", 0, []string{"24,556", "18,284", "6,272", "€2,308,053", "€1,374,929", "59.6%", "€1,220,389", "€52.14"}, "24,556 units · €1,220,389", 0},
		{"base", 4, []string{"2,761", "2,600", "161", "€355,912", "€242,692", "68.2%", "€207,296", "€82.31"}, "2,761 units · €207,296", 4},
		{"downturn", 0, []string{"20,873", "15,541", "5,332", "€1,961,845", "€1,136,963", "58.0%", "€996,604", "€50.62"}, "20,873 units · €996,604", 0},
	} {
		t.Run(tc.scenario+" "+w.doc.Plan().Products[tc.product].ID, func(t *testing.T) {
			w.SetScenario(tc.scenario)
			s.list.Select(tc.product)
			got := []string{s.units.Text, s.baseUnits.Text, s.liftUnits.Text, s.revenue.Text, s.margin.Text, s.marginPct.Text, s.contribution.Text, s.unitContribution.Text}
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("results %v, want %v", got, tc.want)
			}
			row := s.list.CreateItem()
			s.updateRow(tc.rowOfIndex, row)
			if info := row.(*fyne.Container).Objects[1].(*widget.Label).Text; info != tc.rowInfo {
				t.Errorf("list row says %q, want %q", info, tc.rowInfo)
			}
		})
	}
}

// TestSeasonality checks the month chart, the flat reset and the way to
// the calendar (shown only when the window has a Calendar screen).
func TestSeasonality(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := productOf(t, w)
	s.list.Select(3) // socks: no seasonality
	if !s.flat.Disabled() || s.seasonNote.String() != "Flat: every month sells the same share of the units." {
		t.Errorf("flat product: reset enabled %v, note %q", !s.flat.Disabled(), s.seasonNote.String())
	}
	s.list.Select(4) // the gift box sells at Christmas
	if s.flat.Disabled() {
		t.Errorf("seasonal product: flat reset disabled")
	}
	s.season.Resize(fyne.NewSize(400, 160))
	hoverAt(s.season, 390, 100) // December
	texts := strings.Join(s.season.Texts(), " ")
	units := w.doc.Report().Products[4].Units
	dec := numberOf(t, "en", units*seasonShares(w.doc.Plan().Products[4], 12)[11])
	for _, want := range []string{"Units per month", "Jan 27", "Dec 27", dec} {
		if !strings.Contains(texts, want) {
			t.Errorf("chart texts %q lack %q", texts, want)
		}
	}
	test.Tap(s.flat)
	if w.doc.Plan().Products[4].Seasonality != nil || !s.flat.Disabled() {
		t.Errorf("flat reset did not take")
	}
	hasCalendar := w.Screen(calendarID) != nil
	if s.calendar.Visible() != hasCalendar {
		t.Errorf("calendar button visible %v, the window has a calendar %v", s.calendar.Visible(), hasCalendar)
	}
	if hasCalendar {
		test.Tap(s.calendar)
		if w.screens[w.current].ID() != calendarID {
			t.Errorf("the button did not open the calendar")
		}
	}
}

// numberOf writes x as a whole number the way the plan's locale does.
func numberOf(t *testing.T, locale string, x float64) string {
	t.Helper()
	return fmtFor(&planner.Plan{Locale: locale, Currency: "EUR"}).Units(math.Round(x))
}

// BenchmarkProductEdit is one edit of the large plan made from the Product
// screen: validate, recompute, and redraw the list, the form, the results
// and the month chart. The goal is under 50 ms.
func BenchmarkProductEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := productOf(b, w)
	s.list.Select(0)
	cost := w.doc.Plan().Products[0].UnitCost
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := cost + float64(i%2) + 0.5
		if err := s.edit("bench", func(pr *planner.Product) { pr.UnitCost = x }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestListsStartAtTheTop: a screen shown for the first time has its list at
// the first product, selected and in view (selecting a row before the list
// has a size used to scroll it out of view).
func TestListsStartAtTheTop(t *testing.T) {
	w := openWindow(t, plangen.Generate(plangen.Size{Products: 200, Places: 3, Promotions: 5, Months: 12}, 2), "", "")
	for _, id := range []string{"product", "price"} {
		t.Run(id, func(t *testing.T) {
			w.ShowScreen(id)
			var l *productList
			switch s := w.Screen(id).(type) {
			case *productScreen:
				l = s.productList
			case *priceScreen:
				l = s.productList
			}
			if l.sel != 0 || l.list.GetScrollOffset() != 0 {
				t.Errorf("selected %d, list scrolled by %v", l.sel, l.list.GetScrollOffset())
			}
		})
	}
}
