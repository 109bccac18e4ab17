package xlsx_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"

	"mixplan/assets"
	"mixplan/export/xlsx"
	"mixplan/planner"
)

// Write the sample plan as a workbook, look at it as a spreadsheet does,
// and read it back into a plan.
func ExampleWrite() {
	plan, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer // or an *os.File
	if err := xlsx.Write(&buf, plan, xlsx.Options{Scenario: "downturn"}); err != nil {
		log.Fatal(err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	defer book.Close()
	fmt.Println(book.GetSheetList()[:6])
	// Every total of the report is a defined name; its cell holds a formula
	// and, cached, the engine's value, formatted in the plan's currency.
	for _, name := range book.GetDefinedName() {
		if name.Name == "contribution" {
			formula, _ := book.GetCellFormula("Summary", "B19")
			value, _ := book.GetCellValue("Summary", "B19")
			fmt.Println(name.RefersTo, "=", formula, "→", value)
		}
	}
	back, err := xlsx.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.Name, len(back.Products), "products")
	// Output:
	// [Summary Products Places Promotion Groups Months]
	// Summary!$B$19 = grossMargin-logistics-marketingSpend → €1,781,487
	// Trail running range 2027 5 products
}
