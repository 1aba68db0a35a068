# Thin wrappers around go commands. `make test` is what CI runs.
GO          ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 30s
FUZZPAR     ?= 2
BENCHTIME   ?= 1s
FUZZSHORT   ?= 3s

.PHONY: build test lint bench fuzz ci golden

build:
	$(GO) build -o bin/csa ./cmd/csa

test:
	$(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

# Each fuzz target in turn, FUZZTIME each: make fuzz FUZZTIME=5m.
# Minimising is capped so a slow input cannot stall a run.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s -parallel $(FUZZPAR) $$pkg || exit 1; \
	  done; \
	done

# Each fuzz target for a few seconds, as CI (.ci/run) runs them.
.PHONY: fuzz-short
fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZSHORT)

# Regenerate golden files after a deliberate output change; review the diff.
golden:
	CSA_UPDATE_GOLDEN=1 $(GO) test ./...

ci: lint test
