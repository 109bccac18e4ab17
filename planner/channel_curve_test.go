package planner

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// randomChannel is a channel over n months with random curve, flighting
// (some months dark), responsiveness and carryover.
func randomChannel(rng *rand.Rand, n int) Channel {
	ch := Channel{MaxUnits: 1000 + 20000*rng.Float64(), Half: 5000 + 50000*rng.Float64(),
		Shape: []float64{0.3, 0.8, 1, 1.5, 2.5, 6}[rng.Intn(6)], Carryover: []float64{0, 0, 0.3, 0.9}[rng.Intn(4)]}
	flighting, responsiveness := make([]float64, n), make([]float64, n)
	for t := range flighting {
		flighting[t] = float64(rng.Intn(4))
		responsiveness[t] = 0.5 + rng.Float64()
	}
	flighting[rng.Intn(n)] = 1
	ch.setMonths(n, flighting, responsiveness)
	return ch
}

// TestChannelCurve: lift at a spend with the channel's flighting is the sum
// of the monthly lifts of its monthly spends, and Slope is its derivative.
func TestChannelCurve(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 200; i++ {
		n := []int{1, 3, 12, 60}[i%4]
		ch := randomChannel(rng, n)
		s := ch.Half * (0.05 + 3*rng.Float64())
		t.Run(fmt.Sprintf("%d months, shape %v, carryover %v", n, ch.Shape, ch.Carryover), func(t *testing.T) {
			monthly := ch.MonthlyLift(ch.MonthlySpend(s, nil), make([]float64, n))
			if lift := ch.Lift(s); math.Abs(lift-monthly) > 1e-12*monthly {
				t.Errorf("Lift(%g) = %.15g, the monthly lifts add up to %.15g", s, lift, monthly)
			}
			h := s * 1e-6
			numeric := (ch.Lift(s+h) - ch.Lift(s-h)) / (2 * h)
			if slope := ch.Slope(s); math.Abs(slope-numeric) > 1e-5*math.Max(slope, 1e-9) {
				t.Errorf("Slope(%g) = %.10g, the lift's finite difference %.10g", s, slope, numeric)
			}
		})
	}
}

// TestChannelCurveExtremes: no NaN or Inf where the curve is steep or the
// pressure tiny or huge.
func TestChannelCurveExtremes(t *testing.T) {
	for _, k := range []float64{0.01, 1, 10} {
		ch := Channel{MaxUnits: 5000, Half: 1000, Shape: k, Carryover: 0.9}
		ch.setMonths(60, nil, nil)
		for _, s := range []float64{1e-300, 1e-9, 1, 1e6, 1e300} {
			if l, d := ch.Lift(s), ch.Slope(s); !finite(l) || !finite(d) || l < 0 || d < 0 {
				t.Errorf("shape %v at %g: lift %v, slope %v", k, s, l, d)
			}
		}
	}
}
