# plan06: make test is what CI runs; make check is what to run before a commit.
GO       ?= go
PKGS     := ./...
FUZZTIME ?= 30s
# A new input that widens coverage is minimised for up to this long before
# fuzzing goes on (go test's default, 60s, stalls a short run for most of it).
FUZZMINIMIZETIME ?= 5s

.PHONY: all build test check fmt-check vet validate-plan fmt-plan fuzz bench clean

all: check

build:
	$(GO) build -o bin/plan06 ./cmd/plan06
	$(GO) build -o bin/plan06-synth ./cmd/plan06-synth

# The whole test suite: unit, golden, end-to-end (testscript) tests and the
# fuzz targets' seed corpora; the plan in plan/ must validate and be in
# canonical form. Checks by real readers (LibreOffice, yamllint,
# yaml-language-server) skip when the reader is not installed; each skip is
# recorded (internal/skipped) and named here in one line with how to run it.
# .ci/run installs them all and sets PLAN06_REQUIRE_TOOLS=1, so CI skips none.
test: validate-plan
	@skips=$$(mktemp); \
	PLAN06_SKIPS=$$skips $(GO) test -count=1 $(PKGS); rc=$$?; \
	sort -u $$skips; rm -f $$skips; exit $$rc

# Everything a commit must pass.
check: fmt-check vet fmt-plan test

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

validate-plan:
	$(GO) run ./cmd/plan06 validate --plan plan

fmt-plan:
	$(GO) run ./cmd/plan06 fmt --check --plan plan

# Run every fuzz target for FUZZTIME, one after the other (go test fuzzes
# one target at a time). The targets are found in the test files, so a
# new Fuzz function is run without being listed here; the list is printed.
fuzz:
	@set -e; for f in $$(find . -name '*_test.go' -not -path './.git/*' | sort); do \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "$(GO) test -run='^$$' -fuzz='^$$t\$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZETIME) $$(dirname $$f)"; \
			$(GO) test -run='^$$' -fuzz="^$$t\$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZETIME) $$(dirname $$f); \
		done; \
	done

# In-process benchmarks at province scale (load, validate, check, status,
# workbook), the kill test with 200 kills on a province-scale plan, then
# whole runs of plan06 beside the read-and-decode floor at
# province and country scale (medians of BENCH_RUNS interleaved runs).
BENCH_RUNS ?= 5
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=1 ./internal/bench ./internal/status ./internal/xlsx ./internal/cli ./internal/render
	$(GO) test -run='^$$' -bench='ParseIsLinear|ZipBomb' -count=1 ./internal/load ./internal/form
	$(GO) test -run='^$$' -bench='Canonical' -benchmem -count=1 ./internal/yamlfmt
	PLAN06_KILL_LONG=1 $(GO) test -run='^TestKill$$' -count=1 -v ./cmd/plan06
	PLAN06_TEST_BLOB_BYTES=1073741824 $(GO) test -run='^TestFSBigBlobFlatMemory$$' -count=1 -v ./internal/gitrev
	$(GO) run ./internal/bench/run -runs $(BENCH_RUNS)

clean:
	rm -rf bin
