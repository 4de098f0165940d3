package load

import (
	"strings"
	"time"

	"github.com/plan06/plan06/internal/model"
)

// timezone checks plan.yaml's time zone: an IANA name the Go time zone
// database knows. "Local" (whatever zone the machine is set to) and an
// empty name (UTC to Go) are refused: "today" must not depend on where
// plan06 runs.
func (d *decoder) timezone(tz model.Text) {
	switch {
	case strings.TrimSpace(tz.Value) == "":
		d.diags.Errorf(tz.Pos, "timezone-empty")
	case strings.EqualFold(tz.Value, "Local"):
		d.diags.Errorf(tz.Pos, "timezone-local", tz.Value)
	default:
		if _, err := time.LoadLocation(tz.Value); err != nil {
			d.diags.Errorf(tz.Pos, "bad-timezone", tz.Value)
		}
	}
}
