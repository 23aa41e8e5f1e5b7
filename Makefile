# The README's two commands are `make demo` and `make test`.
SWIFT ?= swift
RELEASE_BIN = .build/release/autosafecoder

.PHONY: deps build release test demo docs differential bench-parser bench-gate bench-securityeval bench-nearmiss bench-humaneval bench-stdlib bench-fuzz bench-fixes clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

## The installed binary links the Swift runtime statically: a pre-commit hook starts it on every
## commit, and dynamic linking was a fifth of its start-up.
release: deps
	$(SWIFT) build -c release --product autosafecoder --static-swift-stdlib

## Unit and integration tests (what CI runs). The heavy differential and benchmarks are separate.
test: deps
	@# The SARIF test validates against the official schema with Python's jsonschema.
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Throwaway repository with a vulnerable change, judged by the pre-commit gate.
demo: release
	@scripts/demo.sh $(RELEASE_BIN)

clean:
	rm -rf .build

## Benchmark of the pre-commit gate (needs a release build; Bandit optional, from PyPI).
bench-gate: release
	python3 Benchmarks/gate/bench_staged.py $(RELEASE_BIN)

## Analyzer benchmarks (need a release build; Bandit and Ruff optional, from PyPI).
bench-securityeval: release
	python3 Benchmarks/analyzer/securityeval.py --tool $(RELEASE_BIN)

bench-nearmiss: release
	python3 Benchmarks/analyzer/nearmiss.py --tool $(RELEASE_BIN)

bench-humaneval: release
	python3 Benchmarks/analyzer/humaneval.py --tool $(RELEASE_BIN)

bench-stdlib: release
	python3 Benchmarks/analyzer/stdlib_speed.py --tool $(RELEASE_BIN)

## Regenerate the rule reference from the rules' own descriptions.
docs: build
	.build/debug/autosafecoder rules --format markdown > docs/rules.md

## Parser: differential against CPython's ast.dump over the stdlib, and speed beside ast.parse and Ruff.
differential:
	scripts/parser-differential.sh

bench-parser:
	scripts/parser-bench.sh

## Fuzzer against Hypothesis on the bug corpus, and executions per second (docs/benchmarks.md).
bench-fuzz: release
	python3 Benchmarks/fuzz/bench_fuzz.py $(RELEASE_BIN) --budget 5 --seed 1
	python3 Benchmarks/fuzz/bench_throughput.py $(RELEASE_BIN) --runs 5 --budget 5

## The built-in agent's SecurityEval fixes judged by our analyzer and by Bandit (needs bandit).
bench-fixes: release
	python3 Benchmarks/analyzer/judge_fixes.py $(RELEASE_BIN)
