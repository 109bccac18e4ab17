// Package charts draws Mixplan's charts in the window from the planner's chart
// data, the same series the PDF report draws: the contribution bridge
// (Bridge), bars by channel (Bars), the monthly contribution with its
// cumulative line (Monthly), a channel's response curve (Curve) and the
// contribution against one product's price (PriceCurve).
//
// Charts are drawn with canvas rectangles, lines and text laid out for the
// widget's size, so they stay crisp at any size and any scale. Values are in
// the legend and on bars; hovering a bar or a point shows its figures.
//
// The geometry (scales, ticks, bar boxes, points, hit tests) is in pure
// functions in geometry.go, tested without a window; the widgets only paint
// what those functions compute. Data are set with SetData; a chart redraws
// only when its data or its size change.
package charts
