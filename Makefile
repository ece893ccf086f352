# Two commands on a fresh machine: `make run` builds the graph from seeds/, `make test` runs the tests.
# Both create and reuse .venv and install what they need; a second run installs nothing.
# `make run` installs the package and what a build needs (`pip install -e .`); `make test` adds the
# test extras (`.[test]`: pytest, hypothesis, ruff, import-linter, matplotlib) and the test tools.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
JS     := tests/js
JSSTAMP := $(JS)/node_modules/.installed
NEO4J  := tests/neo4j
NEO4JSTAMP := $(NEO4J)/target/.built
MVN    ?= mvn
SHARED ?= ../shared

.PHONY: install install-run test-tools neo4j-server cjk-font run test eval eval-heldout bench bench-neo4j screenshot timeline clean

# what development needs: the package with its test extras (what `make test` installs)
install: $(TESTSTAMP)

# what a build needs and nothing more (what `make run` installs)
install-run: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TESTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

# What the tests drive besides Python: Node packages (Gephi Lite's parsers, Neo4j's Cypher parser,
# playwright-core), Debian's chromium and a Chinese font (the browser tests look at Chinese captions,
# the timeline figures draw Chinese labels) and a Neo4j server (Java 17+, Maven).
test-tools: $(JSSTAMP) /usr/bin/chromium cjk-font neo4j-server

# A font with Chinese glyphs for chromium (fontconfig); without one captions are drawn as boxes
cjk-font:
	@fc-list :lang=zh family 2>/dev/null | grep -q . || { \
	  command -v apt-get >/dev/null || { echo "a Chinese font is needed for the browser tests (Debian: apt-get install fonts-noto-cjk)"; exit 1; }; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1 || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q fonts-noto-cjk >/dev/null; }; }

# Neo4j Community (tests/neo4j, started by tests/neo4jserver.py): Maven resolves the server's jars
# from Maven Central into its local cache (~/.m2, about 230 MB) and lists them in
# target/classpath.txt; nothing of Neo4j is copied here. Minutes the first time, nothing after.
neo4j-server: $(NEO4JSTAMP)

$(NEO4JSTAMP): $(NEO4J)/pom.xml $(NEO4J)/src/main/java/kgtest/Neo4jTestServer.java
	@command -v java >/dev/null || { echo "Java 17+ is needed for the Neo4j tests (Debian: apt-get install openjdk-17-jdk-headless)"; exit 1; }
	@command -v $(MVN) >/dev/null || { echo "Maven is needed to fetch Neo4j for the tests (Debian: apt-get install maven)"; exit 1; }
	@echo "resolving Neo4j from Maven Central into the local Maven cache (minutes the first time)"
	cd $(NEO4J) && $(MVN) -B -q -Dstyle.color=never compile dependency:build-classpath
	@touch $@

$(JSSTAMP): $(JS)/package.json $(JS)/package-lock.json
	cd $(JS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

/usr/bin/chromium:
	@command -v apt-get >/dev/null || { echo "chromium is needed for the browser test: install it (Debian: apt-get install chromium)"; exit 1; }
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get install -y -q chromium >/dev/null 2>&1 || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q chromium >/dev/null; }

run: install-run
	$(BIN)/kg build seeds/ -o out/

test: install test-tools
	$(BIN)/python -m pytest -q

eval: install-run
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/dev_passages.json $(SHARED)/eval/dev_gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" --min-f1 0.90 -v

# generalisation: passages from ../shared/corpus annotated independently of the extractor
# (tests/data/heldout: 20 passages of three reports; tests/data/heldout2: 50 of news and reports; heldout3,
# heldout4, heldout5, heldout6 and heldout7, whose misses are never read: their totals only)
eval-heldout: install-run
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout/passages.json tests/data/heldout/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" -v
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout2/passages.json tests/data/heldout2/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" -v
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout3/passages.json tests/data/heldout3/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" | tail -9
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout4/passages.json tests/data/heldout4/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" | tail -9
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout5/passages.json tests/data/heldout5/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" | tail -9
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout6/passages.json tests/data/heldout6/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" | tail -9
	$(BIN)/python $(SHARED)/eval/score.py tests/data/heldout7/passages.json tests/data/heldout7/gold.json \
		--cmd "$(CURDIR)/$(BIN)/kg extract {files} --format jsonl" | tail -9

# throughput, memory and scaling of `kg build` on the real corpora of ../shared/corpus (xwlb and gwr,
# then repeated to 100 MB, then single documents of 1-8 MB and one 50 MB line) against the jieba
# pipeline of ../shared/bench in the same run (not a test; CI does not run it; 15-20 minutes on 2 cores)
bench: install-run
	$(BIN)/python -m tests.bench.build_bench

# the README's timeline figure: 新质生产力 and 高质量发展 over both corpora (news by day, reports by year)
timeline: docs/timeline.png

docs/timeline.png: install
	$(BIN)/kg build $(SHARED)/corpus/xwlb $(SHARED)/corpus/gwr -o out-time/ --quiet
	$(BIN)/kg timeline 新质生产力 高质量发展 out-time/ --by year --share -o $@
	$(BIN)/kg timeline 新质生产力 高质量发展 out-time/ --by quarter --share -o docs/timeline-quarters.png

# loading speed into Neo4j (the test server, tests/neo4jserver.py): over Bolt for several batch sizes,
# neo4j-admin import and load.cypher, on a build of ../shared/corpus/xwlb (not a test; ~15 minutes)
bench-neo4j: install neo4j-server
	$(BIN)/python -m tests.bench.neo4j_bench --corpus $(SHARED)/corpus/xwlb

# docs/neo4j-browser.png: the seeds built and loaded into the Neo4j test server, Neo4j Browser
# driven in chromium with queries/style.grass and the neighbours query (tests/test_neo4j_browser.py,
# which checks what the picture shows)
screenshot: install test-tools
	KG_BROWSER_SCREENSHOT=$(CURDIR)/docs/neo4j-browser.png $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_neo4j_browser.py

clean:
	rm -rf $(VENV) out/ out-time/ *.egg-info $(JS)/node_modules $(NEO4J)/target
