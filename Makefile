# Shortcuts for the scripts; each target runs one script, which installs what it needs.
.PHONY: demo test bench bench-quick

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# The benchmark against DuckDB (docs/performance.md): 1M and 10M rows, XML, nightly run; 15+ minutes.
bench:
	bash scripts/bench.sh

# The same without the 10M-row case: a few minutes.
bench-quick:
	bash scripts/bench.sh --quick
