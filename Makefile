# Two commands are all a new user needs: `make run` and `make test`.
# Each creates .venv and installs the project into it when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-stress bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/callbot start

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy bot
	$(BIN)/python -m pytest

# The whole suite RUNS times (default 5) with every core kept busy by a spinning process, stopping at
# the first failure: no test may depend on how fast the machine is. Not part of `make test`.
RUNS ?= 5
test-stress: $(STAMP)
	@pids=""; trap 'kill $$pids 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	cores=$$(nproc); \
	for i in $$(seq $$cores); do $(BIN)/python -c 'while True: pass' & pids="$$pids $$!"; done; \
	started=$$(date +%s); \
	for run in $$(seq $(RUNS)); do \
		echo "== run $$run of $(RUNS), $$cores busy-loop processes beside it"; \
		$(BIN)/python -m pytest -x || { echo "test-stress: run $$run of $(RUNS) failed"; exit 1; }; \
	done; \
	echo "test-stress: $(RUNS) of $(RUNS) runs passed with $$cores cores busy in $$(( $$(date +%s) - started )) s"

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy bot

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache *.egg-info
