package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Where everything sits in the workbook. The writer and the reader both use
// these positions, so a workbook made by Write is read back cell for cell.
// Rows and columns are 1-based, as in Excel.

// Sheet names, in the order of the tabs.
const (
	sheetSummary   = "Summary"
	sheetProducts  = "Products"
	sheetPlaces    = "Places"
	sheetPromotion = "Promotion"
	sheetMonths    = "Months"
	sheetScenarios = "Scenarios"
	sheetGroups    = "Groups"
	sheetActuals   = "Actuals"
	sheetRisk      = "Risk"
	sheetVariance  = "Variance"
	sheetHelp      = "How this workbook works"
	sheetData      = "Mixplan data" // very hidden: format marker, counts and exact values
)

// dataMarker is the first cell of the hidden data sheet; dataVersion the
// workbook layout version written there.
const (
	dataMarker  = "mixplan-workbook"
	dataVersion = 2 // 2: the monthly response, groups, actuals and ranges (format version 2)
)

// firstRow is the first data row of the Products and Places
// tables; their headers are on the row above.
const firstRow = 6

// Products columns: inputs, then figures under the scenario shown.
const (
	prID = iota + 1
	prName
	prUnitCost
	prListPrice
	prDiscount
	prBaseVolume
	prRefPrice
	prElasticity
	prLaunch
	prUnitsPerCustomer
	prNetPrice
	prPriceIndex
	prBaseUnits
	prSplitLift
	prLiftUnits
	prUnits
	prSharePlaced
	prKept
	prLogisticsPerUnit
	prUnitContribution
	prNetRevenue
	prCOGS
	prGrossMargin
	prGrossMarginPct
	prLogistics
	prContribution
	prNewCustomers
	prCustomers
	prLastCol = prCustomers
)

// Places columns; the share matrix (one column per product) starts at plShare.
// Rows 3 and 4 above the matrix repeat each product's units and net price.
const (
	plID = iota + 1
	plName
	plMargin
	plUnitCost
	plFixed
	plUnits
	plGrossSales
	plNetRevenue
	plLogistics
	plSpacer
	plShare
	plUnitsRow    = 3
	plNetPriceRow = 4
)

// Promotion columns; the split matrix (one column per product) starts at
// pmSplit. Rows 3 to 6 above it repeat each product's price index,
// contribution, net revenue and logistics per extra unit; the cells on the
// left of those rows hold the figures of the channels without a split.
const (
	pmID = iota + 1
	pmName
	pmKind
	pmSpend
	pmMin
	pmMax
	pmMaxUnits
	pmHalfSpend
	pmShape
	pmCarryover
	pmMaxPerMonth
	pmSplitTotal
	pmLift
	pmLiftUnits
	pmValue
	pmUnitsPerLift
	pmRevenuePerLift
	pmLogisticsPerLift
	pmIncremental
	pmROI
	pmMarginalROI
	pmLiftPerWeight
	pmSpacer
	pmSplit
	pmPriceIndexRow   = 3
	pmUnitValueRow    = 4
	pmRevenueRow      = 5
	pmLogisticsRow    = 6
	pmFirstRow        = 8 // first channel; the headers are on the row above
	pmPropLabelCol    = 1
	pmPropLabel2Col   = 5
	pmMatrixLabelCol  = pmLiftPerWeight
	pmMatrixLabelText = "Price index →"
)

// Months columns and rows: months across from moFirst; the monthly figures
// on rows moLabelRow+1…, the flighting and seasonality blocks below the chart.
const (
	moID       = 1
	moName     = 2
	moScale    = 3
	moFirst    = 4
	moLabelRow = 4
)

// Monthly figure rows.
const (
	moUnits = iota + moLabelRow + 1
	moLiftUnits
	moNetRevenue
	moGrossMargin
	moLogistics
	moMarketing
	moContribution
	moCumulative
	moPaidBack
	moChartRow   = moPaidBack + 2
	moChartRows  = 20
	moFlightHead = moChartRow + moChartRows + 2 // section title; headers below, rows after
)

// Scenarios columns; the base plan is on scBaseRow, scenario j on scBaseRow+1+j.
const (
	scID = iota + 1
	scName
	scVolume
	scUnitCost
	scResponse
	scPrice
	scBaseUnits
	scUnits
	scNetRevenue
	scGrossMargin
	scGrossMarginPct
	scMarketing
	scContribution
	scROMI
	scNewCustomers
	scCAC
	scTargetsMet
	scBaseRow = 6
)

// Summary positions.
const (
	suTitleRow    = 1
	suSubtitleRow = 2
	suNoteRow     = 3
	suTotalsRow   = 7 // first total; totals in column A (label) and B (value)
	suTargetsRow  = 7 // first target; targets in columns D…H
	suPlanRow     = 15
	suScenarioRow = 26 // the scenario shown (input), then its name and factors
	suChartRow    = 35
	suBridgeTitle = 58
	suTargetTitle = 68
)

// Summary rows of the plan's settings, in column suRValue.
const (
	suName = suPlanRow + iota
	suCompany
	suCurrency
	suLocale
	suStart
	suMonths
	suRetention
	suDiscountRate
)

// layout is the size of one workbook: what the counts of the plan make of
// the fixed positions above.
type layout struct {
	products, places, promotions, scenarios, months int
	groups, ranges                                  int // the plan's; the sheets offer a few more rows
}

func (l layout) productRow(i int) int   { return firstRow + i }
func (l layout) placeRow(k int) int     { return firstRow + k }
func (l layout) promotionRow(c int) int { return pmFirstRow + c }
func (l layout) monthCol(t int) int     { return moFirst + t }
func (l layout) lastMonthCol() int      { return moFirst + l.months - 1 }

// placeTotalRow holds each product's total share over all places.
func (l layout) placeTotalRow() int { return firstRow + l.places }

// flightRow is promotion c's row in the flighting block.
func (l layout) flightRow(c int) int { return moFlightHead + 2 + c }

// seasonHead is the seasonality block's title row.
func (l layout) seasonHead() int { return moFlightHead + 2 + l.promotions + 1 }

// seasonRow is product i's row in the seasonality block.
func (l layout) seasonRow(i int) int { return l.seasonHead() + 2 + i }

// The channel blocks below the seasonality, one row per channel each: the
// responsiveness weights (inputs), then the monthly response the formulas
// work out (docs/model.md §2.1).
const (
	blockResponsiveness   = iota // r_ct, inputs
	blockSpend                   // spend_ct = f_ct × spend_c
	blockPressure                // x_ct = λ x_c,t−1 + (1 − λ) spend_ct
	blockPressurePerSpend        // a_ct: the pressure of one unit of spend_c, for the marginal ROI
	blockLift                    // lift_ct
	blockMarginalLift            // ρ_ct (M/n) h'(x_ct) a_ct
	channelBlocks
)

// channelHead is the title row of channel block k.
func (l layout) channelHead(k int) int {
	return l.seasonHead() + 2 + l.products + 1 + k*(l.promotions+3)
}

// channelRow is promotion c's row in channel block k.
func (l layout) channelRow(k, c int) int { return l.channelHead(k) + 2 + c }

// scenarioRow is scenario j's row (j = -1 is the base plan).
func (l layout) scenarioRow(j int) int { return scBaseRow + 1 + j }

// detailHead is the title row of the per-product block under each scenario.
func (l layout) detailHead() int { return scBaseRow + l.scenarios + 3 }

// detailRow is product i's row in that block.
func (l layout) detailRow(i int) int { return l.detailHead() + 2 + i }

// detailCol is the price-index column of scenario j (-1 = base) in that
// block; its units are in the next column.
func (l layout) detailCol(j int) int { return 3 + 2*(j+1) }

// colName is the letters of a column: 1 → A, 28 → AB.
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// cellName is a relative reference such as D7.
func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// abs is an absolute reference on the same sheet: $D$7.
func absRef(col, row int) string { return "$" + colName(col) + "$" + strconv.Itoa(row) }

// quoteSheet quotes a sheet name for a formula when it needs it.
func quoteSheet(sheet string) string {
	if strings.ContainsAny(sheet, " -'!") {
		return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet
}

// ref is an absolute reference on a sheet: Products!$D$7.
func ref(sheet string, col, row int) string { return quoteSheet(sheet) + "!" + absRef(col, row) }

// rng is an absolute range on a sheet: Products!$D$6:$D$10.
func rng(sheet string, c1, r1, c2, r2 int) string {
	return quoteSheet(sheet) + "!" + absRef(c1, r1) + ":" + absRef(c2, r2)
}

// colRange is rows r1…r2 of one column on a sheet; "" when r2 < r1 (an empty list).
func colRange(sheet string, col, r1, r2 int) string {
	if r2 < r1 {
		return ""
	}
	return rng(sheet, col, r1, col, r2)
}

// rowRange is columns c1…c2 of one row on a sheet; "" when c2 < c1.
func rowRange(sheet string, row, c1, c2 int) string {
	if c2 < c1 {
		return ""
	}
	return rng(sheet, c1, row, c2, row)
}

// localRange is a relative range on the formula's own sheet, such as S6:W6.
func localRange(c1, r1, c2, r2 int) string { return cellName(c1, r1) + ":" + cellName(c2, r2) }

// localRangeOrEmpty is a relative range, or "" when it is empty.
func localRangeOrEmpty(c1, r1, c2, r2 int) string {
	if c2 < c1 || r2 < r1 {
		return ""
	}
	return localRange(c1, r1, c2, r2)
}

// absRangeOrEmpty is an absolute range on the formula's own sheet, such as
// $S$3:$W$3, or "" when it is empty.
func absRangeOrEmpty(c1, r1, c2, r2 int) string {
	if c2 < c1 || r2 < r1 {
		return ""
	}
	return absRef(c1, r1) + ":" + absRef(c2, r2)
}

// product column ranges on the Products sheet.
func (l layout) prCol(col int) string {
	return colRange(sheetProducts, col, firstRow, firstRow+l.products-1)
}

// promotion column ranges on the Promotion sheet.
func (l layout) pmCol(col int) string {
	return colRange(sheetPromotion, col, pmFirstRow, pmFirstRow+l.promotions-1)
}

// place column ranges on the Places sheet.
func (l layout) plCol(col int) string {
	return colRange(sheetPlaces, col, firstRow, firstRow+l.places-1)
}
