// Command floor is the yardstick of `make bench`: it only walks a plan
// folder, reads every YAML file and decodes it into a yaml.Node with the
// same YAML library plan06 uses, on all cores. plan06's own time is quoted
// as a ratio to this floor.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR")
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(2)
	}
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	nodes := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for f := range work {
				b, err := os.ReadFile(f)
				if err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(2)
				}
				var doc yaml.Node
				if err := yaml.Unmarshal(b, &doc); err != nil {
					fmt.Fprintln(os.Stderr, "floor:", f, err)
					os.Exit(2)
				}
				n += len(doc.Content)
			}
			mu.Lock()
			nodes += n
			mu.Unlock()
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	fmt.Printf("%d files, %d documents\n", len(files), nodes)
}
