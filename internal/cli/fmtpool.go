package cli

import (
	"bytes"
	"iter"
	"runtime"
	"sync"

	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/yamlfmt"
)

// fmtResult is what formatting one file gave: the formatted bytes (the
// file's own when it was already canonical) and whether they differ from
// the file, or the error reading or formatting it.
type fmtResult struct {
	file    fmtFile
	out     []byte
	differs bool
	readErr error
	err     error
}

// formatAll reads and formats files on all cores and yields the results in
// the order of files, so that fmt prints, lists and writes exactly as it
// would one file after another. Workers take the files a batch at a time
// (handing 100,000 files over one by one cost more than reading them), and
// at most a few batches per worker wait to be yielded: a country-size plan
// is never held in memory formatted. When the caller stops early (a write
// failed), the workers finish the batch they hold and stop.
func formatAll(files []fmtFile) iter.Seq[fmtResult] {
	return func(yield func(fmtResult) bool) {
		const batch = 64
		batches := (len(files) + batch - 1) / batch
		workers := max(1, min(runtime.GOMAXPROCS(0), batches))
		window := 4 * workers
		slots := make([]chan []fmtResult, batches)
		for i := range slots {
			slots[i] = make(chan []fmtResult, 1)
		}
		jobs := make(chan int)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for k := range jobs {
					part := files[k*batch : min(len(files), (k+1)*batch)]
					out := make([]fmtResult, len(part))
					for i, f := range part {
						out[i] = formatOne(f)
					}
					slots[k] <- out
				}
			})
		}
		tokens := make(chan struct{}, window) // batches handed out but not yet yielded
		go func() {
			defer close(jobs)
			for k := range batches {
				select {
				case tokens <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case jobs <- k:
				case <-stop:
					return
				}
			}
		}()
		defer func() {
			close(stop)
			wg.Wait()
		}()
		for k := range batches {
			rs := <-slots[k]
			<-tokens
			for _, r := range rs {
				if !yield(r) {
					return
				}
			}
		}
	}
}

// formatOne reads and formats one file; a file already canonical is
// recognised without the YAML encoder (yamlfmt.FormatQuick).
func formatOne(f fmtFile) fmtResult {
	src, err := planfs.ReadFile(f.fsys, f.rel, planfs.MaxFileSize)
	if err != nil {
		return fmtResult{file: f, readErr: err}
	}
	out, err := yamlfmt.FormatQuick(src, yamlfmt.KindOf(f.rel))
	if err != nil {
		return fmtResult{file: f, err: err}
	}
	return fmtResult{file: f, out: out, differs: !bytes.Equal(src, out)}
}
