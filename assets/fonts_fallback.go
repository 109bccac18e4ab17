package assets

import _ "embed"

// DroidSansFallback is the bytes of DroidSansFallback.ttf (Apache License
// 2.0, see fonts/DroidSansFallback-LICENSE.txt): the PDF report's fallback
// for the characters Noto Sans lacks — Chinese, Japanese and Korean names.
// The report embeds only the glyphs it prints (gofpdf subsets UTF-8 fonts),
// and only when a name needs them.
//
//go:embed fonts/DroidSansFallback.ttf
var DroidSansFallback []byte
