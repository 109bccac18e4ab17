// Package assets holds the files Mixplan ships inside its binary: the sample
// plan, the icon, the translations.
package assets

import _ "embed"

// SamplePlan is the plan Mixplan opens on a fresh machine and `mixplan sample` writes.
//
//go:embed sample.mixplan
var SamplePlan []byte
