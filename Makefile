# Thin wrappers around go commands. `make test` is what CI runs.
GO          ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 30s
FUZZPAR     ?= 2
FUZZMIN     ?= 100x
BENCHTIME   ?= 1s
FUZZSHORT   ?= 3s
MANDIR      ?= bin/man

.PHONY: build test lint bench fuzz ci golden man look

build:
	$(GO) build -o bin/csa ./cmd/csa

# A man page per command into MANDIR (default bin/man): make man MANDIR=/usr/local/share/man/man1
man:
	$(GO) run ./cmd/csa man -o $(MANDIR)

test:
	$(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

# Each fuzz target in turn, FUZZTIME each: make fuzz FUZZTIME=5m.
# Minimising each new input is capped at FUZZMIN calls: minimised for
# seconds, the inputs a Word or Excel target finds at every turn left it
# a dozen executions in three minutes. A failure found is kept whole in
# testdata/fuzz; minimise it with FUZZMIN=60s and the target alone.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) -parallel $(FUZZPAR) $$pkg || exit 1; \
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

# Render the examples as pictures to look at (HTML at three widths and in
# print, Word and Excel through LibreOffice): see testdata/look/look.sh.
look:
	sh testdata/look/look.sh $(LOOKDIR)
