# The course hub's commands. `make test` on a fresh clone installs everything it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(PYTHON) -m uv

.PHONY: hub release test validate bench bench-load venv system-deps hub-deps clean

hub: venv system-deps hub-deps  ## the course's JupyterHub on http://127.0.0.1:8000
	$(BIN)/jupyterhub -f hub_config/jupyterhub_config.py

release: venv  ## release an assignment to the students of the running hub: make release A=01-python-basics
	@test -n "$(A)" || { echo "usage: make release A=<assignment id>"; exit 2; }
	AUTOGRADER_TOKEN=$$($(BIN)/jupyterhub token -f hub_config/jupyterhub_config.py instructor 2>/dev/null | tail -1) \
	  $(BIN)/autograder release $(A) --url http://127.0.0.1:$${COURSE_HUB_PORT:-8000}/services/grader

test: venv system-deps hub-deps  ## validate every assignment, then run the project's tests
	$(BIN)/ruff check autograder tests reference
	$(BIN)/autograder validate
	$(BIN)/python -m pytest

validate: venv system-deps  ## validate every assignment (or A="02-linear-algebra 03-optimization")
	$(BIN)/autograder validate $(A)

bench: venv system-deps  ## this engine against otter and nbgrader on the same submissions: make bench [BENCH_ARGS="--help"]
	$(BIN)/python -m benchmarks.grading $(BENCH_ARGS)

bench-load: venv system-deps  ## 500 submissions, 100 students, the service killed twice: nothing lost
	$(BIN)/python benchmarks/load.py

venv: $(VENV)/.installed

# uv creates the environment from uv.lock; with its package cache warm this takes seconds.
$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

# The proxy: configurable-http-proxy from npm where Node is installed, else its Python port from PyPI.
hub-deps: hub_config/node_modules/.installed
hub_config/node_modules/.installed: hub_config/package.json hub_config/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix hub_config --no-audit --no-fund --loglevel=error; \
	else $(UV) pip install --python $(BIN)/python configurable-http-proxy; mkdir -p hub_config/node_modules; fi
	@touch $@

# Debian packages: bubblewrap isolates student code (the grader refuses to run without it);
# redis-server and postgresql serve the scale-out and PostgreSQL tests, chromium the browser test.
PG_CHECK := $(or $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb)),pg-initdb-missing)
SYSTEM_PACKAGES := bwrap:bubblewrap redis-server:redis-server runuser:util-linux $(PG_CHECK):postgresql \
                   chromium:chromium
system-deps:
	@missing=""; for entry in $(SYSTEM_PACKAGES); do \
	  command -v $${entry%%:*} >/dev/null || missing="$$missing $${entry##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing$$missing"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (e.g. sudo apt-get install$$missing)"; exit 1; fi; fi

clean:
	rm -rf $(VENV) .pytest_cache hub_config/node_modules
