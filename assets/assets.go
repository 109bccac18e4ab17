// Package assets holds the files Mixplan ships inside its binary: the sample
// plan, the icon, the translations, the fonts.
package assets

import "embed"

// SamplePlan is the plan Mixplan opens on a fresh machine and `mixplan sample` writes.
//
//go:embed sample.mixplan
var SamplePlan []byte

// Icon is Mixplan's icon, 512×512 PNG (drawn by icon_gen.go).
//
//go:embed icon.png
var Icon []byte

// Translations holds the window's words: translation/en.json and
// translation/fr.json, keyed by the English text (see app/i18n.go).
//
//go:embed translation/*.json
var Translations embed.FS
