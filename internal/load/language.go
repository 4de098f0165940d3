package load

import (
	"io/fs"

	"github.com/plan06/plan06/internal/diag"
	"go.yaml.in/yaml/v3"
)

// PlanLanguage returns the language plan.yaml names ("vi", "en"), or ""
// when the file is absent, unreadable, too big, broken or silent. The
// command line asks it before anything else, to print even its help and
// its first error in the plan's language; nothing else of the plan is read.
func PlanLanguage(fsys fs.FS) string {
	info, err := fs.Stat(fsys, "plan.yaml")
	if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return ""
	}
	b, err := fs.ReadFile(fsys, "plan.yaml")
	if err != nil {
		return ""
	}
	var ds diag.Diagnostics
	root := parse("plan.yaml", b, &ds, nil)
	if root == nil || root.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "language" && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}
