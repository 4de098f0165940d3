# plan06: make test is what CI runs; make check is what to run before a commit.
GO       ?= go
PKGS     := ./...
FUZZTIME ?= 30s

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

# Run each fuzz target for FUZZTIME (go test runs one fuzz target at a time).
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./internal/dates
	$(GO) test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) ./internal/load
	$(GO) test -run='^$$' -fuzz='^FuzzFastParse$$' -fuzztime=$(FUZZTIME) ./internal/load
	$(GO) test -run='^$$' -fuzz='^FuzzLooksNumeric$$' -fuzztime=$(FUZZTIME) ./internal/load
	$(GO) test -run='^$$' -fuzz='^FuzzFormat$$' -fuzztime=$(FUZZTIME) ./internal/yamlfmt

# In-process benchmarks at province scale (load, validate, check, status,
# workbook), then whole runs of plan06 beside the read-and-decode floor at
# province and country scale (medians of BENCH_RUNS interleaved runs).
BENCH_RUNS ?= 5
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=1 ./internal/bench ./internal/status ./internal/xlsx
	$(GO) run ./internal/bench/run -runs $(BENCH_RUNS)

clean:
	rm -rf bin
