package cli

import (
	"runtime/debug"
	"testing"
)

func TestMergeBuildInfo(t *testing.T) {
	vcs := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2024-04-20T09:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name string
		b    BuildInfo
		info *debug.BuildInfo
		want BuildInfo
	}{
		{"a local build: the toolchain's vcs stamp", BuildInfo{Version: "dev"}, vcs,
			BuildInfo{Version: "dev", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2024-04-20T09:00:00Z", Modified: true}},
		{"a release: ldflags win", BuildInfo{Version: "v1.2.0", Commit: "fedcba", Date: "2024-05-01T00:00:00Z"}, vcs,
			BuildInfo{Version: "v1.2.0", Commit: "fedcba", Date: "2024-05-01T00:00:00Z"}},
		{"go install @v1.3.0: the module version", BuildInfo{Version: "dev"}, &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}},
			BuildInfo{Version: "v1.3.0"}},
		{"no build info", BuildInfo{Version: "dev"}, nil, BuildInfo{Version: "dev"}},
	}
	for _, tt := range tests {
		if got := mergeBuildInfo(tt.b, tt.info, tt.info != nil); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
