package alloc

import (
	"math"
	"testing"
)

// TestPhiTinyArgument: φ and its slope where u^(−k) overflows (a tiny u, a
// shape near 1) or (1 + u^(−k))² does: they must match u^k and k u^(k−1),
// never NaN nor a slope of 0 where the true one is large (a concave curve's
// slope at 0 read as 0 once voided a bound; found by the fuzzer).
func TestPhiTinyArgument(t *testing.T) {
	cases := []struct {
		name string
		u, k float64
	}{
		{"denormal u, shape just under 1", 2e-310, 0.9977},
		{"denormal u, concave", 2e-310, 0.5},
		{"u^-k past 1e154, shape 4.4", 1e-40, 4.43},
		{"u^-k past float64, shape 1.5", 1e-300, 1.5},
		{"u^-k near the switch, shape 2", 1e-50, 2},
		{"ordinary u", 0.3, 2.2},
	}
	if got, want := logAny(2e-310), math.Log(2)-310*math.Log(10); math.Abs(got-want) > 1e-12*math.Abs(want) {
		t.Errorf("logAny(2e-310) = %v, want %v", got, want)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lu := logAny(tc.u)
			wantF := math.Exp(tc.k*lu) / (1 + math.Exp(tc.k*lu))
			wantD := tc.k * math.Exp((tc.k-1)*lu) / math.Pow(1+math.Exp(tc.k*lu), 2)
			close := func(got, want float64) bool {
				return got == want || math.Abs(got-want) <= 1e-12*math.Abs(want)
			}
			f, d, dd := phiAll(tc.u, tc.k)
			if !close(f, wantF) || !close(d, wantD) || math.IsNaN(dd) {
				t.Errorf("phiAll = %g, %g, %g; want %g, %g", f, d, dd, wantF, wantD)
			}
			f, d, dd = phiAllR(tc.u, math.Pow(tc.u, -tc.k), tc.k)
			if !close(f, wantF) || !close(d, wantD) || math.IsNaN(dd) {
				t.Errorf("phiAllR = %g, %g, %g; want %g, %g", f, d, dd, wantF, wantD)
			}
			if got := dphi(tc.u, tc.k); !close(got, wantD) {
				t.Errorf("dphi = %g, want %g", got, wantD)
			}
			if got := phi(tc.u, tc.k); !close(got, wantF) {
				t.Errorf("phi = %g, want %g", got, wantF)
			}
		})
	}
}
