package load

import (
	"math"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// A large plan's model stays live to the end of a command: at country
// scale (96,597 files, 110 MB) 216 MB of it, 270 MB with the status
// computed. The collector lets the heap grow to twice what was live after
// its last cycle, so the process peaked near 600 MB. For a plan of more than bigPlan bytes Load sets
// a soft memory limit (runtime/debug.SetMemoryLimit) of limitBase plus
// limitPerByte times the bytes listed: the collector then runs a little more
// often near the end instead of letting the heap double: at country scale
// 375 MB peak RSS for the same CPU time (2.5 cost 15 % more CPU, the heap
// then too close to what is live; 3.1 peaked past 400 MB).
//
// The limit is soft: a plan that needs more (long texts that repeat
// nowhere) gets it, at the cost of more collection. It is never set when
// GOMEMLIMIT is, nor lowered below one already in force.
const (
	bigPlan      = 32 << 20
	limitBase    = 64 << 20
	limitPerByte = 2.8
)

var (
	limitMu sync.Mutex
	// plansHeld is how many plans the command keeps live at once (see
	// HoldPlans).
	plansHeld float64 = 1
)

// HoldPlans tells Load that the command keeps n plans live at once (diff
// holds two revisions, import the plan and the plan with its new reports;
// report 1.3, for what it builds beside the plan),
// so that the soft memory limit leaves room for all of them: a limit sized
// for one plan would make the collector run without end near a heap the
// plans already fill (country diff: 12 s with a one-plan limit, 8 s with
// room for two).
func HoldPlans(n float64) {
	limitMu.Lock()
	defer limitMu.Unlock()
	plansHeld = max(n, 1)
}

// limitMemory applies the limit for a plan of size bytes, times the plans
// the command holds. It never lowers a limit in force, so it may be called
// again as more of the plan is listed (see memoryGuard).
func limitMemory(size int64) {
	limit, ok := memoryLimit(held(size), os.Getenv("GOMEMLIMIT") != "")
	if !ok {
		return
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	if cur := debug.SetMemoryLimit(-1); cur < math.MaxInt64 && cur >= limit {
		return
	}
	debug.SetMemoryLimit(limit)
}

// held is size times the plans the command holds.
func held(size int64) int64 {
	limitMu.Lock()
	defer limitMu.Unlock()
	return int64(float64(size) * plansHeld)
}

// memoryGuard raises the limit as the files of a plan are listed: files
// are read while the folder is still being listed, so the limit follows
// the bytes listed so far, a step at a time (every eighth more). A file
// listed without its size is counted when it is read (see walkRead), on
// any worker: add may be called from several goroutines at once.
type memoryGuard struct {
	listed, next atomic.Int64
	mu           sync.Mutex
}

func (g *memoryGuard) add(size int64) {
	listed := g.listed.Add(size)
	if listed <= bigPlan || listed < g.next.Load() {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if listed = g.listed.Load(); listed >= g.next.Load() {
		limitMemory(listed)
		g.next.Store(listed + listed/8)
	}
}

// done applies the limit for everything listed.
func (g *memoryGuard) done() {
	if listed := g.listed.Load(); listed > bigPlan {
		limitMemory(listed)
	}
}

// memoryLimit is the soft limit for a plan of size bytes, and whether to
// set one at all.
func memoryLimit(size int64, userSet bool) (int64, bool) {
	if userSet || size <= bigPlan {
		return 0, false
	}
	return limitBase + int64(limitPerByte*float64(size)), true
}
