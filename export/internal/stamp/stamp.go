// Package stamp is the date both file formats stamp an export with: the
// date asked for, so that tests and `mixplan export --date` get the same
// bytes every run, or now.
package stamp

import "time"

// Date returns asked, or now when asked is the zero time.
func Date(asked time.Time) time.Time {
	if asked.IsZero() {
		return time.Now()
	}
	return asked
}
