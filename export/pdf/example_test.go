package pdf_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"mixplan/assets"
	"mixplan/export/pdf"
	"mixplan/planner"
)

// Write the sample plan's report for leadership under its downturn
// scenario, on A4, with a fixed date so the bytes are the same every run.
func ExampleWrite() {
	plan, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer // or an *os.File
	err = pdf.Write(&buf, plan, pdf.Options{
		Scenario:  "downturn",
		Paper:     "a4",
		Generated: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(buf.Bytes()[:5]))
	// Output: %PDF-
}
