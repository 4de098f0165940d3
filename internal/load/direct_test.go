package load

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/synth"
	"go.yaml.in/yaml/v3"
)

// usualReport reads a report file the usual way: through the YAML library
// (or the plain-subset reader when fast is set), then the decoder.
func usualReport(src []byte, fast bool) (model.Report, diag.Diagnostics) {
	var ds diag.Diagnostics
	var r model.Report
	var root *yaml.Node
	if fast {
		root = parse("r.yaml", src, &ds, nil)
	} else {
		fastPath = false
		root = parse("r.yaml", src, &ds, nil)
		fastPath = true
	}
	if root != nil {
		d := &decoder{file: "r.yaml"}
		d.reportFile(root, &r)
		ds = append(ds, d.diags...)
	}
	return r, ds
}

// checkDirect holds directReport to its contract on one input: when it
// reads a report, the usual way (both of them) reads the same report and
// has nothing to say about the file.
func checkDirect(t *testing.T, name string, src []byte) (accepted bool) {
	t.Helper()
	var got model.Report
	if !readReportDirect(src, "r.yaml", &got, new(arena)) {
		return false
	}
	for _, fast := range []bool{true, false} {
		want, ds := usualReport(src, fast)
		if len(ds) > 0 {
			t.Fatalf("%s: the direct reader took a file the decoder (fast path %v) has something to say about: %v\n%s", name, fast, ds, src)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the direct reader and the decoder (fast path %v) differ:\ndirect: %+v\ndecoder: %+v\n%s", name, fast, got, want, src)
		}
	}
	return true
}

// directTaken are reports the direct reader must read.
var directTaken = []string{
	"submitted: 2024-03-07\ntasks:\n  - task: \"2.7\"\n    state: in-progress\n    progress: 50\n",
	"submitted: 2024-03-07\ntasks:\n- task: \"2.7\"\n  state: done\n  done: 2024-03-01\n",
	"\xef\xbb\xbf# báo cáo\nsubmitted: '2024-03-07' # ngày gửi\ndocument: Công văn số 12/UBND\n\ntasks:\n  - task: II.1\n    state: blocked\n    obstacles: Chưa có kinh phí\n    proposals: \"Đề nghị: bổ sung\"\n",
	"tasks:\n  - state: not-started\n    task: \"3\"\n    values: {ti-le-06: 90.5, so-ho-so: 12}\n    result: Đã rà soát 18.063 bản ghi\nsubmitted: 07/03/2024\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {}\n    progress: 0\n  - task: \"2\"\n    state: done\n    done: \"2024-02-29\"\n    progress: 100\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: { a: 0.5 , b: 7 }\n    result: 'Xong “một phần” – 50%'\n",
}

// directRefused are reports it must leave to the usual way: each holds
// something the decoder reports, or a form the direct reader does not read.
var directRefused = []string{
	"",
	"# only a comment\n",
	"submitted: 2024-03-07\n", // no tasks
	"tasks:\n  - task: \"1\"\n    state: done\n", // no submitted; done without its day
	"submitted: 2024-03-07\ntasks: []\n",
	"submitted: 2024-03-07\ntasks:\n",
	"submitted: 2024-03-07\ntasks:\n  task: \"1\"\n",
	"submitted: 2024-03-07\ntasks:\n  - \"1\"\n",
	"submitted: 2024-03-07\nsubmitted: 2024-03-08\ntasks:\n  - task: \"1\"\n    state: done\n    done: 2024-03-01\n",
	"submitted: 2024-03-07\nunit: ubnd\ntasks:\n  - task: \"1\"\n    state: done\n    done: 2024-03-01\n",
	"submitted: 2024-03-07\ntasks:\n  - task: 2.7\n    state: in-progress\n", // a number, not text
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: finished\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    progress: 101\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    progress: \"50\"\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    progress: 050\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {a: 97,5}\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {a: \"97\"}\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {a: 1, a: 2}\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {A: 1}\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values: {a: 007}\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    values:\n      a: 1\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    result: yes\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    result: \"\"\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    result: \"a\u202eb\"\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    result: Tie\u0302\u0301ng\n", // not NFC
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    result: |\n      two\n      lines\n",
	"submitted: 2024-02-30\ntasks:\n  - task: \"1\"\n    state: in-progress\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n    done: soon\n",
	"  submitted: 2024-03-07\n  tasks:\n    - task: \"1\"\n      state: in-progress\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n   result: x\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n \n  - task: \"2\"\n      state: done\n",
	"submitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n- task: \"2\"\n",
	"submitted: 2024-03-07\r\ntasks:\r\n  - task: \"1\"\r\n    state: in-progress\r\n",
	"---\nsubmitted: 2024-03-07\ntasks:\n  - task: \"1\"\n    state: in-progress\n",
}

func TestDirectReportCases(t *testing.T) {
	for i, c := range directTaken {
		if !checkDirect(t, fmt.Sprint("taken ", i), []byte(c)) {
			t.Errorf("the direct reader refused:\n%s", c)
		}
	}
	for _, c := range directRefused {
		var r model.Report
		if readReportDirect([]byte(c), "r.yaml", &r, nil) {
			t.Errorf("the direct reader read a report it should leave to the decoder:\n%s", c)
		}
	}
}

// TestDirectReportFiles checks the contract on every YAML file of the
// repository's plans and fixtures, and that it reads every report file of
// synthetic provinces (what plan06 writes).
func TestDirectReportFiles(t *testing.T) {
	for _, root := range []string{"../../plan", "../../testdata"} {
		eachFile(t, root, true, func(p string, b []byte) { checkDirect(t, p, b) })
	}
	dir := filepath.Join(t.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 3, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	reports, taken := 0, 0
	eachFile(t, filepath.Join(dir, "reports"), false, func(p string, b []byte) {
		reports++
		if checkDirect(t, p, b) {
			taken++
		}
	})
	if reports == 0 || taken != reports {
		t.Errorf("the direct reader read %d of %d synthetic report files; it should read them all", taken, reports)
	}
}

// FuzzDirectReport holds the contract on any input.
func FuzzDirectReport(f *testing.F) {
	for _, c := range append(directTaken, directRefused...) {
		f.Add([]byte(c))
	}
	more, _ := filepath.Glob("../../testdata/plans/*/reports/*/*.yaml")
	for _, name := range more {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkDirect(t, "input", src)
	})
}

// TestReusedBuffersSameResult loads a synthetic province with and without
// reading report files into reused buffers: were any string of the plan to
// point into a file's bytes, the next file read would overwrite it.
func TestReusedBuffersSameResult(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 4, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		fastPath = fast
		reused, reusedDiags, err := Load(os.DirFS(dir), "plan")
		if err != nil {
			t.Fatal(err)
		}
		reuseBuffers = false
		fresh, freshDiags, err := Load(os.DirFS(dir), "plan")
		reuseBuffers, fastPath = true, true
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(reused, fresh) || !reflect.DeepEqual(reusedDiags, freshDiags) {
			t.Errorf("fast path %v: the plan read into reused buffers differs from the one read into fresh ones", fast)
		}
	}
}
