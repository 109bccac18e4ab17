package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// Native charts over the workbook's cells, so they follow every edit: the
// contribution bridge (a waterfall drawn as stacked columns on an invisible
// base, since excelize has no waterfall type) and the targets on the
// Summary, spend and incremental contribution by channel on Promotion, the
// monthly contribution with its cumulative line on Months.

const (
	colorTotal    = "1F4E79" // totals, spend
	colorDecrease = "C0504D" // deductions
	colorGain     = "70AD47" // incremental contribution
	colorGoal     = "A5A5A5"
	colorLine     = "ED7D31"
	colorAxis     = "404040"
)

func solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// invisible is the fill of a waterfall's base: no fill at all.
var invisible = excelize.Fill{Type: "pattern", Pattern: 0}

func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 12, Color: colorAxis}}}}
}

func valueAxis(numFmt string) excelize.ChartAxis {
	return excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: colorAxis, Size: 9}, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}}
}

// categoryAxis keeps its labels at the bottom even when bars go below 0.
func categoryAxis() excelize.ChartAxis {
	return excelize.ChartAxis{Font: excelize.Font{Color: colorAxis, Size: 9}, TickLabelPosition: excelize.ChartTickLabelLow}
}

// reversed lists the categories top down, in the order of the table.
func reversed(a excelize.ChartAxis) excelize.ChartAxis {
	a.ReverseOrder = true
	return a
}

var (
	noVary      = false
	fullOverlap = 100
	gap50       = uint(50)
)

func (b *book) summaryCharts() error {
	money := b.st.format(nfMoney)
	first, last := suBridgeRow, suBridgeRow+5
	cats := summaryRange(suLabel, first, suLabel, last)
	series := func(col int, name string, fill excelize.Fill) excelize.ChartSeries {
		return excelize.ChartSeries{Name: summaryCell(col, suBridgeHead), Categories: cats, Values: summaryRange(col, first, col, last), Fill: fill}
	}
	if err := b.f.AddChart(sheetSummary, cellName(suLabel, suChartRow), &excelize.Chart{
		Type: excelize.ColStacked,
		Series: []excelize.ChartSeries{
			series(6, "base above", invisible), series(7, "base below", invisible), series(8, "total", solid(colorTotal)),
			series(9, "decrease above", solid(colorDecrease)), series(10, "decrease below", solid(colorDecrease)),
		},
		Title:      chartTitle("Contribution bridge: from gross sales to contribution"),
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: &noVary, Overlap: &fullOverlap, GapWidth: &gap50,
		XAxis: categoryAxis(), YAxis: valueAxis(money),
		Dimension: excelize.ChartDimension{Width: 620, Height: 360},
		Format:    excelize.GraphicOptions{AltText: "Contribution bridge", OffsetX: 4, OffsetY: 4},
	}); err != nil {
		return err
	}
	tFirst, tLast := suTargetRow, suTargetRow+len(targets)-1
	tCats := summaryRange(suLabel, tFirst, suLabel, tLast)
	return b.f.AddChart(sheetSummary, cellName(suRValue, suChartRow), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: summaryCell(suValue, suTargetHead), Categories: tCats, Values: summaryRange(suValue, tFirst, suValue, tLast), Fill: solid(colorGoal)},
			{Name: summaryCell(4, suTargetHead), Categories: tCats, Values: summaryRange(4, tFirst, 4, tLast), Fill: solid(colorTotal)},
		},
		Title:      chartTitle("Targets: actual as a share of the goal (goal = 100%)"),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		VaryColors: &noVary, GapWidth: &gap50,
		XAxis:     reversed(categoryAxis()),
		YAxis:     valueAxis("0%"),
		Dimension: excelize.ChartDimension{Width: 560, Height: 360},
		Format:    excelize.GraphicOptions{AltText: "Targets against actuals", OffsetX: 4, OffsetY: 4},
	})
}

// chartWidth grows a chart with its categories, within reason.
func chartWidth(n, each, least, most int) uint {
	return uint(min(max(n*each, least), most))
}

func (b *book) promotionChart() error {
	l := b.lay
	if l.promotions == 0 {
		return nil
	}
	first, last := pmFirstRow, pmFirstRow+l.promotions-1
	cats := rng(sheetPromotion, pmName, first, pmName, last)
	return b.f.AddChart(sheetPromotion, cellName(pmName, last+2), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: ref(sheetPromotion, pmSpend, pmFirstRow-1), Categories: cats, Values: rng(sheetPromotion, pmSpend, first, pmSpend, last), Fill: solid(colorTotal)},
			{Name: ref(sheetPromotion, pmIncremental, pmFirstRow-1), Categories: cats, Values: rng(sheetPromotion, pmIncremental, first, pmIncremental, last), Fill: solid(colorGain)},
		},
		Title:      chartTitle("Spend and incremental contribution by channel"),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		VaryColors: &noVary, GapWidth: &gap50,
		XAxis: categoryAxis(), YAxis: valueAxis(b.st.format(nfMoney)),
		Dimension: excelize.ChartDimension{Width: chartWidth(l.promotions, 90, 640, 2400), Height: 360},
		Format:    excelize.GraphicOptions{AltText: "Spend and incremental contribution by channel", OffsetX: 4, OffsetY: 8},
	})
}

func (b *book) monthChart() error {
	l := b.lay
	first, last := l.monthCol(0), l.lastMonthCol()
	cats := rng(sheetMonths, first, moLabelRow, last, moLabelRow)
	width := chartWidth(l.months, 60, 640, 2400)
	// excelize draws a combination's axes from its last chart: both carry them.
	xAxis, yAxis := categoryAxis(), valueAxis(b.st.format(nfMoney))
	return b.f.AddChart(sheetMonths, cellName(moID, moChartRow), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: ref(sheetMonths, moID, moContribution), Categories: cats,
			Values: rng(sheetMonths, first, moContribution, last, moContribution), Fill: solid(colorTotal)}},
		Title:      chartTitle("Monthly contribution and cumulative contribution"),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		VaryColors: &noVary, GapWidth: &gap50,
		XAxis: xAxis, YAxis: yAxis,
		Dimension: excelize.ChartDimension{Width: width, Height: 380},
		Format:    excelize.GraphicOptions{AltText: "Monthly contribution", OffsetX: 4, OffsetY: 4},
	}, &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: ref(sheetMonths, moID, moCumulative), Categories: cats,
			Values: rng(sheetMonths, first, moCumulative, last, moCumulative),
			Line:   excelize.LineOptions{Width: 2.25, Fill: solid(colorLine)}, Fill: solid(colorLine),
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: solid(colorLine)}}},
		VaryColors: &noVary, XAxis: xAxis, YAxis: yAxis,
	})
}
