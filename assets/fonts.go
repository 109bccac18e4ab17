package assets

import _ "embed"

// The report's typeface: Noto Sans (SIL Open Font License 1.1, see
// fonts/LICENSE.txt), the same files the desktop window draws with, so the PDF
// and the screen look alike. It covers French in full, including the narrow
// no-break space (U+202F) French puts between thousands, and €, œ, « ».

// NotoSansRegular is the bytes of NotoSans-Regular.ttf.
//
//go:embed fonts/NotoSans-Regular.ttf
var NotoSansRegular []byte

// NotoSansBold is the bytes of NotoSans-Bold.ttf.
//
//go:embed fonts/NotoSans-Bold.ttf
var NotoSansBold []byte

// NotoSansItalic is the bytes of NotoSans-Italic.ttf.
//
//go:embed fonts/NotoSans-Italic.ttf
var NotoSansItalic []byte
