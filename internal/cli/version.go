package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/plan06/plan06/internal/model"
	"github.com/spf13/cobra"
)

// Commit and Date are set with the release flags (-ldflags "-X
// …/internal/cli.Commit=… -X …/internal/cli.Date=…", see
// .github/workflows/release.yml); when they are not, the build info the
// Go toolchain records (vcs.revision, vcs.time) fills them in.
var (
	Commit = ""
	Date   = ""
)

// BuildInfo is what `plan06 version` prints.
type BuildInfo struct {
	Version  string // v1.2.3, or the module version go install recorded, or "dev"
	Commit   string // full commit hash, "" when unknown
	Date     string // build (release) or commit time, RFC 3339, "" when unknown
	Modified bool   // built from a working tree with uncommitted changes
}

// buildInfo merges the ldflags values with the toolchain's build info.
func buildInfo() BuildInfo {
	info, ok := debug.ReadBuildInfo()
	return mergeBuildInfo(BuildInfo{Version: Version, Commit: Commit, Date: Date}, info, ok)
}

// mergeBuildInfo fills what b lacks from info: the module version that go
// install recorded, vcs.revision, vcs.time and vcs.modified.
func mergeBuildInfo(b BuildInfo, info *debug.BuildInfo, ok bool) BuildInfo {
	if !ok || info == nil {
		return b
	}
	stamped := b.Commit != ""
	if b.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "" {
				b.Commit = s.Value
			}
		case "vcs.time":
			if b.Date == "" {
				b.Date = s.Value
			}
		case "vcs.modified":
			b.Modified = s.Value == "true" && !stamped
		}
	}
	return b
}

func (a *App) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of plan06",
		Long:  "version prints plan06's version, the commit it was built from and the build date, and the plan format it reads.",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			b := buildInfo()
			commit, date := b.Commit, b.Date
			if commit == "" {
				commit = a.say("unknown")
			} else if b.Modified {
				commit += "+" + a.say("uncommitted changes")
			}
			if date == "" {
				date = a.say("unknown")
			}
			fmt.Fprintf(a.IO.Out, "plan06 %s\n", b.Version)
			fmt.Fprintf(a.IO.Out, "%s: %s\n", a.say("commit"), commit)
			fmt.Fprintf(a.IO.Out, "%s: %s\n", a.say("built"), date)
			fmt.Fprintf(a.IO.Out, "%s: %s\n", a.say("format"), model.Format)
			return nil
		},
	}
}
