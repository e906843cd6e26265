# Shortcuts for the scripts; each target runs one script, which installs what it needs.
.PHONY: demo test bench bench-province bench-quick fuzz fuzz-quick dist format lint

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# The benchmark against DuckDB (docs/performance.md): 1M and 10M rows, XML, nightly run; 15+ minutes.
bench:
	bash scripts/bench.sh

# Issue 15's province: 88 county exports published to a throw-away PostgreSQL, then one federated run
# (docs/performance.md); ROWS=… per county (default 100000; 1200000 is a province's year, ~22 GB).
bench-province:
	bash scripts/bench-province.sh --rows $${ROWS:-100000}

# The same without the 10M-row case: a few minutes.
bench-quick:
	bash scripts/bench.sh --quick

# Coverage-guided fuzzing of every parser to 1,000,000 inputs each (docs/fuzzing.md); about an hour.
fuzz:
	bash scripts/fuzz.sh

# The same for 60 s a target.
fuzz-quick:
	bash scripts/fuzz.sh --seconds 60

# A tarball whose binary runs without the Swift toolchain (Swift runtime linked in statically), checked.
dist:
	bash scripts/dist.sh

# The code's layout (.swift-format, the toolchain's swift-format): rewrite in place, or only report.
format:
	swift format format --configuration .swift-format -r -i Sources Tests

lint:
	swift format lint --configuration .swift-format -r Sources Tests
