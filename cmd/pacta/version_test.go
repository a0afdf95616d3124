package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build information", nil, false, "(unknown)"},
		{"go install @v0.1.0", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, true, "v0.1.0"},
		{"a test binary", &debug.BuildInfo{}, true, "(devel)"},
		{"a checkout without VCS stamping", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		{"a clean checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(
			"-buildmode", "exe",
			"vcs", "git",
			"vcs.revision", "3bce985a0c1d2e3f405162738495a6b7c8d9e0f1",
			"vcs.time", "2026-12-02T19:00:00Z",
			"vcs.modified", "false")},
			true, "(devel) (revision 3bce985a0c1d, 2026-12-02T19:00:00Z)"},
		{"a checkout with changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(
			"vcs.revision", "3bce985a0c1d2e3f405162738495a6b7c8d9e0f1",
			"vcs.time", "2026-12-02T19:00:00Z",
			"vcs.modified", "true")},
			true, "(devel) (revision 3bce985a0c1d, 2026-12-02T19:00:00Z, with local changes)"},
	} {
		if got := versionOf(c.info, c.ok); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
