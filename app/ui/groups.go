package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// orderGroups places Channel groups right after Promotion, whose channels
// it groups. (Defined here so that screens added at the same time by others
// do not touch the same lines of screen.go.)
const orderGroups = orderPromotion + 5

func init() { registerScreen(orderGroups, newGroupsScreen) }

// groupsScreen edits the plan's channel groups: bounds the optimiser keeps
// on the summed spend of several channels ("digital at most 70 % of the
// promotion budget", "offline at most €110,000"). A list of groups, and for
// the selected one a form — name, member channels, minimum and maximum
// spend, minimum and maximum share of promotion spend — beside where the
// plan stands against those bounds today.
//
// Decisions where the issue is silent:
//   - A group of its own screen rather than inside Targets & settings: the
//     bounds belong to channels, and the list/form pattern of the other
//     screens fits a list of groups.
//   - Unticking a group's last member is refused with the reason beside the
//     members (a group needs one), rather than deleting the group.
type groupsScreen struct {
	screenInfo
	*listEditor[planner.Group]
	env *Env

	heading            *widget.Label
	name               *widgets.TextField
	members            *fyne.Container
	membersReason      *widget.Label
	checks             []*widget.Check // one per channel, in the plan's order
	min, max           *widgets.NumberField
	minShare, maxShare *widgets.NumberField
	syncing            bool

	spend, share, standing *widget.Label
}

func newGroupsScreen(env *Env) Screen {
	s := &groupsScreen{screenInfo: screenInfo{id: "groups", title: lang.L("Channel groups"), icon: theme.ListIcon()}, env: env}
	s.listEditor = newListEditor(env, listSpec[planner.Group]{
		rows: func(p *planner.Plan) *[]planner.Group { return &p.Groups },
		key:  func(g planner.Group) (string, string) { return g.ID, g.Name },
		info: func(p *planner.Plan, _ *planner.Report, i int) string {
			g := p.Groups[i]
			return lang.N("{{.Count}} channels · {{.Spend}}", len(g.Promotions),
				map[string]any{"Count": len(g.Promotions), "Spend": s.env.Fmt().Money(groupSpend(p, g))})
		},
		sample: "3 channels · €100,000",
	}, s.showSelected)
	s.withActions(s.addGroup, s.duplicateGroup, s.deleteGroup, func(d int) string {
		return upOrDown(d, lang.L("Move group “{{.Name}}” up", s.named()), lang.L("Move group “{{.Name}}” down", s.named()))
	})
	s.content = s.panes(s.buildForm(),
		container.NewCenter(widget.NewLabel(lang.L("No channel groups yet. Add one to bound the spend of several channels together."))))
	return s
}

// buildForm makes the form of the selected group and where it stands.
func (s *groupsScreen) buildForm() fyne.CanvasObject {
	f := s.env.Fmt()
	s.heading = newTitle()
	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return s.edit(lang.L("Rename group “{{.Name}}”", s.named()), func(g *planner.Group) { g.Name = v })
	}
	s.members = container.NewVBox()
	s.membersReason = widget.NewLabel("")
	s.membersReason.Importance = widget.DangerImportance
	s.membersReason.Hide()

	s.min = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.min.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the minimum spend of group “{{.Name}}”", s.named()), func(g *planner.Group) { g.Min = x })
	}
	s.max = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.max.Optional = true
	s.max.SetPlaceHolder(lang.L("no limit"))
	s.max.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the maximum spend of group “{{.Name}}”", s.named()), func(g *planner.Group) { g.Max = planner.Float(x) })
	}
	s.max.OnClear = func() error {
		return s.edit(lang.L("Remove the maximum spend of group “{{.Name}}”", s.named()), func(g *planner.Group) { g.Max = nil })
	}
	s.minShare = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative(), widgets.AtMost(1))
	s.minShare.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the minimum share of group “{{.Name}}”", s.named()), func(g *planner.Group) { g.MinShare = x })
	}
	s.maxShare = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative(), widgets.AtMost(1))
	s.maxShare.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the maximum share of group “{{.Name}}”", s.named()), func(g *planner.Group) { g.MaxShare = x })
	}

	form := widget.NewForm(
		heading(lang.L("Group")),
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Channels"), container.NewVBox(s.members, s.membersReason)),
		heading(lang.L("Spend")),
		widget.NewFormItem(lang.L("Minimum"), s.min),
		widget.NewFormItem(lang.L("Maximum"), s.max),
		heading(lang.L("Share of promotion spend")),
		widget.NewFormItem(lang.L("Minimum share"), s.minShare),
		widget.NewFormItem(lang.L("Maximum share"), s.maxShare),
		help(lang.L("The optimiser keeps the channels’ summed spend within these bounds, and within these shares of the whole promotion spend. A channel may be in several groups.")),
	)
	s.spend, s.share, s.standing = boldLabel(""), boldLabel(""), widget.NewLabel("")
	s.standing.Wrapping = fyne.TextWrapWord
	results := container.NewVBox(boldLabel(lang.L("Today")), widget.NewForm(
		widget.NewFormItem(lang.L("Spend"), s.spend),
		widget.NewFormItem(lang.L("Share of promotion spend"), s.share)), s.standing)
	return newPage(s.heading, newSideBySide(320, form, results))
}

// Refresh shows the document: the list, and the selected group's form.
func (s *groupsScreen) Refresh() { s.refresh() }

// showSelected writes the selected group into the form.
func (s *groupsScreen) showSelected() {
	p := s.env.Doc.Plan()
	g, ok := s.selected()
	if !ok {
		return
	}
	s.syncing = true
	defer func() { s.syncing = false }()
	f := s.env.Fmt()
	setText(s.heading, g.Name)
	s.name.SetValue(g.Name)
	s.showMembers(p, g)

	for _, nf := range []*widgets.NumberField{s.min, s.max} {
		nf.SetFormat(f.Field(widgets.Money))
	}
	for _, nf := range []*widgets.NumberField{s.minShare, s.maxShare} {
		nf.SetFormat(f.Field(widgets.Percent))
	}
	s.min.SetValue(g.Min)
	s.min.Rules = []widgets.Rule{widgets.NonNegative()}
	if g.Max != nil {
		s.min.Rules = append(s.min.Rules, widgets.AtMost(*g.Max))
		s.max.SetValue(*g.Max)
	} else {
		s.max.SetEmpty()
	}
	s.max.Rules = []widgets.Rule{widgets.NonNegative(), widgets.AtLeast(g.Min)}
	s.minShare.SetValue(g.MinShare)
	s.minShare.Rules = []widgets.Rule{widgets.NonNegative(), widgets.AtMost(g.MaxShare)}
	s.maxShare.SetValue(g.MaxShare)
	s.maxShare.Rules = []widgets.Rule{widgets.AtLeast(g.MinShare), widgets.AtMost(1)}

	spend, total := groupSpend(p, g), promotionSpend(p)
	setText(s.spend, f.Money(spend))
	share := 0.0
	if total > 0 {
		share = spend / total
	}
	setText(s.share, f.Percent(share))
	s.standing.Importance = widget.DangerImportance
	switch {
	case spend < g.Min:
		s.standing.SetText(lang.L("Below the minimum by {{.Gap}}.", map[string]any{"Gap": f.Money(g.Min - spend)}))
	case g.Max != nil && spend > *g.Max:
		s.standing.SetText(lang.L("Above the maximum by {{.Gap}}.", map[string]any{"Gap": f.Money(spend - *g.Max)}))
	case share < g.MinShare:
		s.standing.SetText(lang.L("Below the minimum share of {{.Share}}.", map[string]any{"Share": f.Percent(g.MinShare)}))
	case share > g.MaxShare:
		s.standing.SetText(lang.L("Above the maximum share of {{.Share}}.", map[string]any{"Share": f.Percent(g.MaxShare)}))
	default:
		s.standing.Importance = widget.SuccessImportance
		s.standing.SetText(lang.L("Within every bound."))
	}
}

// showMembers ticks the group's channels among all the plan's channels.
func (s *groupsScreen) showMembers(p *planner.Plan, g planner.Group) {
	if len(s.checks) != len(p.Promotions) {
		s.checks = make([]*widget.Check, len(p.Promotions))
		objs := make([]fyne.CanvasObject, len(p.Promotions))
		for i := range s.checks {
			s.checks[i] = widget.NewCheck("", s.memberToggled(i))
			objs[i] = s.checks[i]
		}
		s.members.Objects = objs
		s.members.Refresh()
	}
	for i, pm := range p.Promotions {
		c := s.checks[i]
		c.Text = pm.Name
		c.SetChecked(slices.Contains(g.Promotions, pm.ID))
		c.Refresh()
	}
	s.membersReason.Hide()
}

// memberToggled is channel i's tick: it adds the channel to the group or
// takes it out, refusing to take out the last one.
func (s *groupsScreen) memberToggled(i int) func(bool) {
	return func(on bool) {
		if s.syncing {
			return
		}
		p := s.env.Doc.Plan()
		id := p.Promotions[i].ID
		var err error
		if on {
			err = s.edit(lang.L("Add “{{.Channel}}” to group “{{.Name}}”", s.withChannel(p.Promotions[i].Name)), func(g *planner.Group) {
				if !slices.Contains(g.Promotions, id) {
					g.Promotions = append(g.Promotions, id)
				}
			})
		} else if g, ok := s.selected(); ok && len(g.Promotions) == 1 && g.Promotions[0] == id {
			err = errors.New(lang.L("A group needs at least one channel."))
		} else {
			err = s.edit(lang.L("Take “{{.Channel}}” out of group “{{.Name}}”", s.withChannel(p.Promotions[i].Name)), func(g *planner.Group) {
				g.Promotions = slices.DeleteFunc(g.Promotions, func(x string) bool { return x == id })
			})
		}
		if err != nil {
			s.showSelected()
			s.membersReason.SetText(err.Error())
			s.membersReason.Show()
		}
	}
}

// withChannel is the template data of a member's undo label.
func (s *groupsScreen) withChannel(channel string) map[string]any {
	d := s.named()
	d["Channel"] = channel
	return d
}

// addGroup appends a group of the first channel, with no bounds, and selects it.
func (s *groupsScreen) addGroup() {
	p := s.env.Doc.Plan()
	if len(p.Promotions) == 0 {
		s.env.ShowError(errors.New(lang.L("Add a promotion channel first: a group bounds the spend of channels.")))
		return
	}
	name := lang.L("New group")
	s.add(lang.L("Add group “{{.Name}}”", map[string]any{"Name": name}), "group", func(p *planner.Plan, id string) {
		p.Groups = append(p.Groups, planner.Group{ID: id, Name: name, Promotions: []string{p.Promotions[0].ID}, MaxShare: 1})
	})
}

// duplicateGroup inserts a copy of the selected group after it.
func (s *groupsScreen) duplicateGroup() {
	s.duplicate(lang.L("Duplicate group “{{.Name}}”", s.named()), func(p *planner.Plan, i int, id, name string) {
		g := p.Clone().Groups[i] // a deep copy
		g.ID, g.Name = id, name
		insertAfter(&p.Groups, i, g)
	})
}

// deleteGroup removes the selected group after asking.
func (s *groupsScreen) deleteGroup() {
	s.remove(lang.L("Delete group?"),
		lang.L("Delete the group “{{.Name}}” and its bounds? Its channels stay. You can undo this.", s.named()),
		lang.L("Delete group “{{.Name}}”", s.named()), nil)
}

// groupSpend is the summed spend of the group's channels.
func groupSpend(p *planner.Plan, g planner.Group) float64 {
	total := 0.0
	for _, id := range g.Promotions {
		if i := promotionIndex(p, id); i >= 0 {
			total += p.Promotions[i].Spend
		}
	}
	return total
}

// promotionSpend is the plan's whole promotion spend.
func promotionSpend(p *planner.Plan) float64 {
	total := 0.0
	for _, pm := range p.Promotions {
		total += pm.Spend
	}
	return total
}
