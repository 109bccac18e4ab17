//go:build ignore

// Command icon_gen draws Mixplan's icon, assets/icon.png: four rising bars
// (the four Ps) and a trend line on a blue rounded square. Run it from the
// repository root with `go run assets/icon_gen.go`.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	// Background: a rounded square with a vertical gradient.
	bg := image.NewRGBA(img.Bounds())
	top, bottom := color.RGBA{0x1d, 0x4e, 0xd8, 0xff}, color.RGBA{0x0b, 0x2a, 0x6f, 0xff}
	for y := 0; y < size; y++ {
		t := float64(y) / (size - 1)
		c := color.RGBA{lerp(top.R, bottom.R, t), lerp(top.G, bottom.G, t), lerp(top.B, bottom.B, t), 0xff}
		for x := 0; x < size; x++ {
			bg.SetRGBA(x, y, c)
		}
	}
	fill(img, bg, roundRect(16, 16, size-32, size-32, 104))

	white := image.NewUniform(color.RGBA{0xff, 0xff, 0xff, 0xff})
	soft := image.NewUniform(color.RGBA{0xbf, 0xdb, 0xfe, 0xff})
	// Four bars rising from a baseline.
	heights := []float32{110, 170, 225, 290}
	for i, h := range heights {
		x := float32(96 + i*86)
		src := soft
		if i == len(heights)-1 {
			src = white
		}
		fill(img, src, roundRect(x, 412-h, 60, h, 14))
	}
	// A trend line over the bars, ending in a dot.
	amber := image.NewUniform(color.RGBA{0xfb, 0xbf, 0x24, 0xff})
	pts := [][2]float32{{88, 300}, {196, 238}, {282, 250}, {420, 118}}
	for i := 1; i < len(pts); i++ {
		fill(img, amber, thickLine(pts[i-1], pts[i], 22))
	}
	for _, p := range pts[:len(pts)-1] {
		fill(img, amber, circle(p[0], p[1], 11))
	}
	fill(img, amber, circle(420, 118, 30))
	fill(img, image.NewUniform(color.RGBA{0x0b, 0x2a, 0x6f, 0xff}), circle(420, 118, 13))

	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func lerp(a, b uint8, t float64) uint8 {
	return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t))
}

// fill paints src through the shape drawn by path into dst, anti-aliased.
func fill(dst *image.RGBA, src image.Image, path func(r *vector.Rasterizer)) {
	r := vector.NewRasterizer(size, size)
	path(r)
	r.Draw(dst, dst.Bounds(), src, image.Point{})
}

func roundRect(x, y, w, h, rad float32) func(*vector.Rasterizer) {
	return func(r *vector.Rasterizer) {
		const k = 0.5523 // control point distance for a quarter circle
		r.MoveTo(x+rad, y)
		r.LineTo(x+w-rad, y)
		r.CubeTo(x+w-rad+rad*k, y, x+w, y+rad-rad*k, x+w, y+rad)
		r.LineTo(x+w, y+h-rad)
		r.CubeTo(x+w, y+h-rad+rad*k, x+w-rad+rad*k, y+h, x+w-rad, y+h)
		r.LineTo(x+rad, y+h)
		r.CubeTo(x+rad-rad*k, y+h, x, y+h-rad+rad*k, x, y+h-rad)
		r.LineTo(x, y+rad)
		r.CubeTo(x, y+rad-rad*k, x+rad-rad*k, y, x+rad, y)
		r.ClosePath()
	}
}

func circle(cx, cy, rad float32) func(*vector.Rasterizer) {
	return roundRect(cx-rad, cy-rad, 2*rad, 2*rad, rad)
}

func thickLine(a, b [2]float32, w float32) func(*vector.Rasterizer) {
	return func(r *vector.Rasterizer) {
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := float32(math.Hypot(float64(dx), float64(dy)))
		nx, ny := -dy/l*w/2, dx/l*w/2
		r.MoveTo(a[0]+nx, a[1]+ny)
		r.LineTo(b[0]+nx, b[1]+ny)
		r.LineTo(b[0]-nx, b[1]-ny)
		r.LineTo(a[0]-nx, a[1]-ny)
		r.ClosePath()
	}
}
