// Package actuals reads what really happened — the exports managers have:
// ad-platform campaign reports, finance ledgers — and merges it into a
// plan's actuals (docs/model.md §2.3).
//
// A file is read in two steps. Read turns a CSV (comma, semicolon or tab
// delimited, UTF-8 or UTF-16 with or without a byte-order mark, quoted or
// not, with a report title and total lines around the table) or an xlsx
// workbook into a Table: one Entry per name and calendar month, the sum of
// the file's daily or monthly rows, with the lines they came from. Column
// names are recognised in English and French ("Day, Campaign, Cost, Impr.,
// Clicks, Conversions", "Jour, Campagne, Coût, Clics", "Date, Produit,
// Unités, CA"), numbers in both conventions ("1 234,56", "1,234.56", with
// currency signs), dates as ISO, dd/mm/yyyy or mm/dd/yyyy (whichever the
// file's dates prove) or with month names. A file holds either channel
// figures (spend, impressions, clicks, conversions, lift units) or product
// figures (units, revenue).
//
// Merge then matches the names with the plan's ids (exactly, by normalised
// id or name, or through a Mapping that remembers earlier answers), places
// each month in the plan's horizon and checks that it is closed and over,
// and returns a copy of the plan with the actuals merged, or one *Error
// listing every problem with its file and lines: nothing is half-applied.
// Names that match no id are listed with the closest ids (Suggest).
//
// Every reader has a budget (Limits): bytes read, rows, columns, problems.
package actuals
