package schema

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/skipped"
)

// The schemas are for editors, so an editor's own checker reads them here:
// yaml-language-server (the engine of VS Code's YAML extension), driven as
// a real LSP client over stdio: initialize, the yaml.schemas setting as VS
// Code sends it, didOpen, and the diagnostics it publishes. Every file of
// plan/ must draw none; a broken units file must draw one for an unknown
// key and one for a wrong type.

// lsp is a minimal LSP client of one server process.
type lsp struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	msgs   chan map[string]any
	nextID int
}

func startLSP(t *testing.T, bin string) *lsp {
	t.Helper()
	cmd := exec.Command(bin, "--stdio")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lsp{t: t, cmd: cmd, in: in, msgs: make(chan map[string]any, 64)}
	go c.read(bufio.NewReader(out))
	t.Cleanup(func() {
		in.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	return c
}

// read parses Content-Length framed messages until the stream ends.
func (c *lsp) read(r *bufio.Reader) {
	defer close(c.msgs)
	for {
		n := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		if n < 0 {
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m map[string]any
		if json.Unmarshal(body, &m) == nil {
			c.msgs <- m
		}
	}
}

func (c *lsp) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	b, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(b), b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *lsp) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

func (c *lsp) request(method string, params any) map[string]any {
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	return c.await(func(m map[string]any) bool { return m["id"] == float64(id) && m["method"] == nil })
}

// await returns the first message that want accepts, answering the
// server's own requests (configuration, registrations) on the way.
func (c *lsp) await(want func(map[string]any) bool) map[string]any {
	timeout := time.After(60 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatal("yaml-language-server closed its output")
			}
			if want(m) {
				return m
			}
			if id, isReq := m["id"]; isReq && m["method"] != nil {
				var result any
				if m["method"] == "workspace/configuration" {
					result = []any{c.settings()}
				}
				c.send(map[string]any{"id": id, "result": result})
			}
		case <-timeout:
			c.t.Fatal("no answer from yaml-language-server within 60 s")
		}
	}
}

var lspSchemas map[string]any

func (c *lsp) settings() map[string]any {
	return map[string]any{"validate": true, "schemas": lspSchemas, "schemaStore": map[string]any{"enable": false}}
}

func fileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// diagnostics opens path with text and returns the messages of the first
// diagnostics the server publishes for it.
func (c *lsp) diagnostics(path, text string) []string {
	uri := fileURI(path)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text,
	}})
	m := c.await(func(m map[string]any) bool {
		if m["method"] != "textDocument/publishDiagnostics" {
			return false
		}
		p, _ := m["params"].(map[string]any)
		return p["uri"] == uri
	})
	var out []string
	ds, _ := m["params"].(map[string]any)["diagnostics"].([]any)
	for _, d := range ds {
		d := d.(map[string]any)
		r := d["range"].(map[string]any)["start"].(map[string]any)
		out = append(out, fmt.Sprintf("%v:%v: %v", r["line"].(float64)+1, r["character"].(float64)+1, d["message"]))
	}
	return out
}

func TestYAMLLanguageServer(t *testing.T) {
	bin, err := exec.LookPath("yaml-language-server")
	if err != nil {
		skipped.Skip(t, "yaml-language-server", "npm install -g yaml-language-server@2.0.0")
	}
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")     // plan/ of this repository
	basic := filepath.Join(dir, "basic")   // testdata/plans/basic, which has reports
	broken := filepath.Join(dir, "broken") // a clerk's mistakes
	lspSchemas = map[string]any{}
	for _, f := range Files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.JSON(), 0o644); err != nil {
			t.Fatal(err)
		}
		var globs []string
		for _, root := range []string{repo, basic, broken} {
			globs = append(globs, filepath.ToSlash(filepath.Join(root, filepath.FromSlash(f.Glob))))
		}
		lspSchemas[fileURI(p)] = globs
	}

	c := startLSP(t, bin)
	c.request("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": fileURI(repo),
		"capabilities": map[string]any{"workspace": map[string]any{"configuration": true}},
	})
	c.notify("initialized", map[string]any{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": c.settings()}})

	// The broken file first: once its schema errors arrive, the schemas
	// are loaded, and an empty answer for a good file means a clean file.
	got := c.diagnostics(filepath.Join(broken, "plan", "units.yaml"),
		"units:\n  - id: cong-an-tinh\n    nam: Công an tỉnh\n    level: 3\n")
	t.Logf("diagnostics of the broken units.yaml:\n%s", strings.Join(got, "\n"))
	joined := strings.Join(got, "\n")
	for _, want := range []string{"3:5: Property nam is not allowed.", "4:12: Incorrect type. Expected \"string\".", "Missing property \"name\"."} {
		if !strings.Contains(joined, want) {
			t.Errorf("broken units.yaml: no %q among\n%s", want, joined)
		}
	}

	// Every file of the repository's plan/ and of the fixture plan with
	// reports, each under its own schema.
	n := 0
	for src, root := range map[string]string{"../../plan": repo, "../../testdata/plans/basic": basic} {
		seed, err := filepath.Abs(src)
		if err != nil {
			t.Fatal(err)
		}
		err = filepath.WalkDir(seed, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			rel, _ := filepath.Rel(seed, p)
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n++
			if ds := c.diagnostics(filepath.Join(root, "plan", rel), string(b)); len(ds) > 0 {
				t.Errorf("%s/%s: yaml-language-server reports\n%s", src, filepath.ToSlash(rel), strings.Join(ds, "\n"))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 10 {
		t.Fatalf("read %d plan files only", n)
	}
}
