# gitdesk — build, test, demo, benchmark.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_FLAGS := -c release --static-swift-stdlib
DEMO_DIR ?= /tmp/gitdesk-demo

.PHONY: deps build release test stress demo bench bench-100k bench-100k-fossil fuzz fuzz-long clean

## Install what the build needs on a fresh Debian machine (libgit2-dev, libsqlite3-dev for GRDB, pkg-config).
deps:
	@if ! pkg-config --exists libgit2 2>/dev/null || ! pkg-config --exists sqlite3 2>/dev/null; then \
	  echo "installing libgit2-dev, libsqlite3-dev and pkg-config with apt-get"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgit2-dev libsqlite3-dev pkg-config git >/dev/null; \
	fi
	@# The huge-object tests measure a command's peak memory with /usr/bin/time.
	@if [ ! -x /usr/bin/time ]; then \
	  echo "installing time with apt-get (the huge-object tests measure peak memory)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq time >/dev/null; \
	fi
	@# The durable-write test watches a write's fsync calls with strace.
	@if [ ! -x /usr/bin/strace ]; then \
	  echo "installing strace with apt-get (the durable-write test watches fsync calls)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq strace >/dev/null; \
	fi
	@# The sync tests start a real sshd (Debian's openssh-server) on 127.0.0.1.
	@if [ ! -x /usr/sbin/sshd ] || ! command -v ssh-keygen >/dev/null; then \
	  echo "installing openssh-server with apt-get (the sync tests start a real sshd)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openssh-server openssh-client >/dev/null; \
	fi
	@# The smart-HTTP sync tests serve git http-backend through Debian's lighttpd on 127.0.0.1.
	@if [ ! -x /usr/sbin/lighttpd ] || [ ! -x /usr/lib/git-core/git-http-backend ]; then \
	  echo "installing lighttpd with apt-get (the sync tests serve git over smart HTTP)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq lighttpd git >/dev/null; \
	  $$SUDO systemctl disable --now lighttpd >/dev/null 2>&1 || $$SUDO service lighttpd stop >/dev/null 2>&1 || true; \
	fi

	@# The html report test opens the report in a real headless Chromium, with a CJK font to draw the Chinese.
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "cjk"; then \
	  echo "installing chromium and fonts-noto-cjk with apt-get (the html report is checked in a real browser)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

## All unit and end-to-end tests (the end-to-end tests run the built binary).
test: deps
	$(SWIFT) build
	@$(SWIFT) test --parallel 2>&1 | tee .build/test.log; rc=$${PIPESTATUS[0]}; \
	if [ $$rc -ne 0 ]; then \
	  echo; echo "==== failures (from .build/test.log) ===="; \
	  grep -E -A6 'recorded an issue|error:|Fatal error' .build/test.log | head -80; \
	fi; exit $$rc

## Stress: every suite whose name holds "Stress" (the kill -9 loops of writes, of sync and of init), with
## STRESS_ITERATIONS each (make test runs them with 200) and every check after
## every iteration.
STRESS_ITERATIONS ?= 2000
stress: deps
	$(SWIFT) build
	GITDESK_STRESS_ITERATIONS=$(STRESS_ITERATIONS) GITDESK_STRESS_VALIDATE_EVERY=1 \
	  $(SWIFT) test --filter Stress 2>&1 | tee .build/stress.log; exit $${PIPESTATUS[0]}

## A demo desk with the seed records, then list / show / history.
demo: release
	rm -rf $(DEMO_DIR)
	.build/release/gitdesk demo $(DEMO_DIR)
	.build/release/gitdesk list -C $(DEMO_DIR)
	.build/release/gitdesk show CS20240501001 -C $(DEMO_DIR)
	.build/release/gitdesk history CS20240501001 -C $(DEMO_DIR)

## Benchmarks: writes BENCHMARKS.md.
bench: release
	scripts/bench.sh

## gitdesk and Fossil at 100k tickets (generation takes long: run apart from make bench).
## The 100k figures (issues 14, 12, 13): generation time and peak memory, queries, report,
## import and the per-command times at 100k against 10k. Prints a section for BENCHMARKS.md.
bench-100k: release
	python3 scripts/bench-100k.py .build/release/gitdesk "$${BENCH_SIZES:-10000 100000}" $${BENCH_RUNS:-15}

## gitdesk against Fossil at 100k (Fossil's 100k tickets are added one process each: hours).
bench-100k-fossil: release
	@command -v fossil >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq fossil >/dev/null; }
	python3 scripts/bench-fossil.py .build/release/gitdesk 100000 $${FOSSIL_RUNS:-15}

## libFuzzer targets (fuzz/): the PII scanner and the ticket parser, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: deps
	fuzz/run.sh $(FUZZ_SECONDS)

## The long run before resolving a fuzz-related issue: an hour per target.
fuzz-long: deps
	$(MAKE) fuzz FUZZ_SECONDS=3600

clean:
	rm -rf .build
