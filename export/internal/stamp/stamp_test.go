package stamp

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	asked := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	if got := Date(asked); !got.Equal(asked) {
		t.Errorf("a date asked for: got %v", got)
	}
	before := time.Now()
	if got := Date(time.Time{}); got.Before(before) || got.After(time.Now()) {
		t.Errorf("no date asked for: got %v, want now", got)
	}
}
