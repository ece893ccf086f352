# Two commands on a fresh machine: `make run` builds the graph from seeds/, `make test` runs the tests.
# Both create and reuse .venv and install what they need; a second run installs nothing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

run: install
	$(BIN)/kg extract seeds/ --format summary

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/dev_passages.json $(SHARED)/eval/dev_gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" --min-f1 0.90 -v

clean:
	rm -rf $(VENV) out/ *.egg-info
