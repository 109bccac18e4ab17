package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"mixplan/planner/numfmt"
)

func groupsOf(t testing.TB, w *Window) *groupsScreen {
	t.Helper()
	if !w.ShowScreen("groups") {
		t.Fatal("no channel groups screen")
	}
	return w.Screen("groups").(*groupsScreen)
}

// TestGroupsShowThePlan: the worked example's groups, their members and
// bounds, and where the plan stands today. Digital is search 45,000 +
// social 35,000 + email 8,000 = 88,000 of 155,000 spent on promotion, 56.8 %.
func TestGroupsShowThePlan(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := groupsOf(t, w)
	s.list.Select(0)
	n := numfmt.NNBSP
	for _, tc := range []struct{ name, got, want string }{
		{"heading", s.heading.Text, "Digital"},
		{"minimum", s.min.Text(), "40" + n + "000" + n + "€"},
		{"maximum", s.max.Text(), ""},
		{"minimum share", s.minShare.Text(), "0" + n + "%"},
		{"maximum share", s.maxShare.Text(), "70" + n + "%"},
		{"spend", s.spend.Text, "88" + n + "000" + n + "€"},
		{"share", s.share.Text, "56,8" + n + "%"},
		{"standing", s.standing.Text, "Within every bound."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	var ticked []string
	for _, c := range s.checks {
		if c.Checked {
			ticked = append(ticked, c.Text)
		}
	}
	if got := strings.Join(ticked, ", "); got != "Search ads, Réseaux sociaux, Emailing" {
		t.Errorf("members ticked: %s", got)
	}
	s.list.Select(1)
	if s.heading.Text != "Hors ligne" || s.max.Text() != "110"+n+"000"+n+"€" || s.spend.Text != "67"+n+"000"+n+"€" {
		t.Errorf("offline: %q, max %q, spend %q", s.heading.Text, s.max.Text(), s.spend.Text)
	}
}

// TestGroupsEdits: every bound is edited at its field, each one undo step;
// a bound that clashes with its pair is refused at the field with the
// reason, and a group keeps at least one channel.
func TestGroupsEdits(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := groupsOf(t, w)
	s.list.Select(0)
	n := numfmt.NNBSP

	enter(s.maxShare, s.maxShare.Entry().SetText, "50")
	if g := w.doc.Plan().Groups[0]; g.MaxShare != 0.5 || w.doc.UndoLabel() != "Change the maximum share of group “Digital”" {
		t.Errorf("max share %v, undo %q", g.MaxShare, w.doc.UndoLabel())
	}
	if s.standing.Text != "Above the maximum share of 50,0"+n+"%." {
		t.Errorf("standing %q", s.standing.Text)
	}
	before := w.doc.Plan()
	enter(s.minShare, s.minShare.Entry().SetText, "60")
	if w.doc.Plan() != before || s.minShare.Reason() != "must be 50"+n+"% or less" {
		t.Errorf("a minimum share above the maximum: reason %q", s.minShare.Reason())
	}
	enter(s.max, s.max.Entry().SetText, "30000")
	if w.doc.Plan() != before || s.max.Reason() != "must be 40"+n+"000"+n+"€ or more" {
		t.Errorf("a maximum below the minimum: reason %q", s.max.Reason())
	}
	enter(s.max, s.max.Entry().SetText, "120 000")
	if g := w.doc.Plan().Groups[0]; g.Max == nil || *g.Max != 120000 {
		t.Errorf("max %v", g.Max)
	}
	enter(s.max, s.max.Entry().SetText, "")
	if g := w.doc.Plan().Groups[0]; g.Max != nil || w.doc.UndoLabel() != "Remove the maximum spend of group “Digital”" {
		t.Errorf("max %v after emptying, undo %q", g.Max, w.doc.UndoLabel())
	}
	enter(s.min, s.min.Entry().SetText, "-1")
	if s.min.Reason() == "" {
		t.Errorf("a negative minimum is accepted")
	}

	// Members: take two out, refuse the last, put one back.
	s.checks[0].SetChecked(false)
	s.checks[1].SetChecked(false)
	if got := w.doc.Plan().Groups[0].Promotions; len(got) != 1 || got[0] != "email" {
		t.Fatalf("members %v", got)
	}
	last := w.doc.Plan()
	s.checks[2].SetChecked(false)
	if w.doc.Plan() != last || !s.checks[2].Checked || !s.membersReason.Visible() || s.membersReason.Text != "A group needs at least one channel." {
		t.Errorf("the last member taken out: ticked %v, reason %q", s.checks[2].Checked, s.membersReason.Text)
	}
	s.checks[4].SetChecked(true)
	if got := w.doc.Plan().Groups[0].Promotions; len(got) != 2 || got[1] != "radio" || w.doc.UndoLabel() != "Add “Radio locale” to group “Digital”" {
		t.Errorf("members %v, undo %q", got, w.doc.UndoLabel())
	}
	if s.membersReason.Visible() {
		t.Errorf("the reason stays after a good edit")
	}

	// A new group holds the first channel and no bounds.
	s.addGroup()
	g := w.doc.Plan().Groups[len(w.doc.Plan().Groups)-1]
	if g.Name != "New group" || len(g.Promotions) != 1 || g.Promotions[0] != "sea" || g.MaxShare != 1 || s.heading.Text != "New group" {
		t.Errorf("new group %+v, heading %q", g, s.heading.Text)
	}
}

// TestDeleteChannelInGroups: deleting a channel takes it out of its groups
// (a group naming a missing channel would be refused), a group left with
// no channel goes too, the question says so; its actuals and ranges go with
// it, and undo brings it all back.
func TestDeleteChannelInGroups(t *testing.T) {
	p := teaPlan(t)
	p.Groups[1].Promotions = []string{"radio"} // offline: the radio alone
	w := openWindow(t, p, "", "")
	opened := w.doc.Plan()
	s := promotionOf(t, w)
	for _, tc := range []struct {
		id, question string
		groups       []string // what is left: group id: members
	}{
		{"sea", "It is also taken out of the group Digital.", []string{"digital: social email", "offline: radio"}},
		{"radio", "It is also taken out of the group Hors ligne.", []string{"digital: social email"}},
	} {
		s.list.Select(promotionIndex(w.doc.Plan(), tc.id))
		test.Tap(s.actions.remove)
		d, ok := w.lastDialog.(*dialog.ConfirmDialog)
		if !ok {
			t.Fatalf("no confirmation asked")
		}
		if msg := strings.ReplaceAll(dialogTexts(w), "\n", " "); !strings.Contains(msg, tc.question) {
			t.Errorf("the question %q lacks %q", msg, tc.question)
		}
		d.Confirm()
		var got []string
		for _, g := range w.doc.Plan().Groups {
			got = append(got, g.ID+": "+strings.Join(g.Promotions, " "))
		}
		if promotionIndex(w.doc.Plan(), tc.id) >= 0 || strings.Join(got, ", ") != strings.Join(tc.groups, ", ") {
			t.Errorf("after deleting %s: groups %v", tc.id, got)
		}
	}
	if n := len(w.doc.Plan().Ranges); n != len(opened.Ranges)-2 {
		t.Errorf("%d ranges left of %d: the search ads' and the radio's should go, no other", n, len(opened.Ranges))
	}
	w.undo()
	w.undo()
	if w.doc.Plan() != opened || len(opened.Groups) != 2 || len(opened.Groups[0].Promotions) != 3 || opened.Actuals.Promotions["sea"].Spend == nil {
		t.Errorf("two undos do not bring the plan back whole")
	}
}
