# All set-up happens here: a clean clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: install test lint typecheck pytest demo bench clean test-browser serve-demo

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,web,parquet]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Four worker processes (pytest-xdist) on CI's two cores: every test keeps to its own
# temp dir, port and environment, and a worker spends about 60% of its time blocked
# (servers answering, subprocesses starting, timeouts and Retry-After running out), time
# another worker's test can use: 332 s on two workers, 247 s on four (one run each, the
# machine shared). A single test file runs as usual without -n. ``--dist worksteal``:
# a worker that ran out of tests takes some of another's queue, where ``load`` left the
# last slow tests (servers, signals, a process each) queued behind one worker: 33
# slow-ish files on four workers, load 357 s and 380 s, worksteal 340 s and 255 s
# (alternating, the machine loaded 5-7, other timings beside some of them).
# The suite is CPU-bound on two cores: some 620 s of CPU at -n 2, over a third of it every
# fetching command reading certifi's authorities into two TLS contexts no handshake used
# (fetch/deadline.py's bounded_transport; gone): 585-731 s -> 367-459 s of CPU, 545 s
# and 707 s -> 198 s and 242 s on four workers, 544 s and 568 s -> 392 s and 454 s on two
# (alternating with the code before, the machine loaded 3-9).
# The bytecode cache stays on (git ignores __pycache__) where the environment turns it
# off (PYTHONDONTWRITEBYTECODE=1): else each worker, and each CLI a test starts in a
# process of its own, compiles the same modules again (collecting alone: 10 s of CPU
# a worker, 3 s with the cache).
pytest: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -q -n 4 --dist worksteal

test: lint typecheck pytest

demo: $(STAMP)
	$(BIN)/python -m newsarchive.demo --db $(DEMO_DB)

# Headless Chromium against `newsarchive serve`: Debian's chromium + chromium-driver
# (installed with apt when run as root) and selenium; the test skips, saying why, when
# either is missing.
test-browser: $(STAMP)
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y -q chromium chromium-driver >/dev/null || \
	    (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null); \
	  else echo "install chromium and chromium-driver (Debian packages) first"; fi; \
	fi
	$(BIN)/pip install --quiet -e '.[dev,web,browser]'
	$(BIN)/pytest -q -rs tests/test_browser.py

serve-demo: demo
	$(BIN)/newsarchive serve --db $(DEMO_DB)

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
