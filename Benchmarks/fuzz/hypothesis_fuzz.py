#!/usr/bin/env python3
"""Baseline fuzzer: Hypothesis driven by a function's annotations, for a time budget.

Usage: python3 hypothesis_fuzz.py FILE FUNCTION BUDGET SEED [--call-timeout 1.0]

Imports FUNCTION from FILE and calls it with arguments drawn the way `st.builds(func)` infers
them: `st.from_type(hint)` for each annotated parameter, and for an unannotated one
`one_of(none(), integers(), text(), binary(), lists(integers()))` (what a from_type-style fuzzer
can do without types). Parameters with defaults are drawn too. pathlib.Path is registered as
`builds(Path, text())`, since Hypothesis's own resolution only ever yields Path('.').

Hypothesis generates for BUDGET seconds (generate phase only: no shrinking, no database, seeded
with SEED). Any exception the function raises is a report, as a from_type fuzzer sees it; the
first of each (kind, exception) pair is kept with the time it took to find. A call running longer
than --call-timeout seconds (SIGALRM) is a `hang` report; MemoryError is a `memory` report (run
this under an address-space limit); everything else is a `crash`.

Prints one JSON line on standard output:
  {"reports": [{"kind": "crash", "exception": "IndexError", "after_ms": 12.3, "input": "..."}],
   "executions": N, "seconds": S, ...}
The function's own output (it may run shell commands) goes to /dev/null; each new report is also
written at once to standard error as a line '#report {json}', so a caller that has to kill a run
stuck in C code still learns what it found. This script does not sandbox anything: the benchmark
runs it inside bwrap.
"""
import importlib.util
import inspect
import json
import os
import pathlib
import signal
import sys
import time
import typing
import warnings

FALLBACK_DESCRIPTION = "one_of(none(), integers(), text(), binary(), lists(integers()))"


class CallTimeout(BaseException):
    """Raised by SIGALRM inside a call that ran too long."""


class StopFuzz(BaseException):
    """Raised inside the test body when the budget is spent."""


def load_function(file, function):
    path = os.path.abspath(file)
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.append(directory)  # after the standard library: a target may be named numbers.py
    name = "fuzz_target_" + os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    target = module
    for part in function.split("."):
        target = getattr(target, part)
    return module, target


def strategies_for(func):
    """(fixed_dictionaries strategy, notes): from_type per annotated parameter."""
    from hypothesis import strategies as st

    st.register_type_strategy(pathlib.Path, st.builds(pathlib.Path, st.text()))
    fallback = st.one_of(st.none(), st.integers(), st.text(), st.binary(), st.lists(st.integers()))
    try:
        hints = typing.get_type_hints(func)
    except Exception:  # noqa: BLE001 - unresolvable forward references: use what is concrete
        hints = {k: v for k, v in getattr(func, "__annotations__", {}).items() if not isinstance(v, str)}
    fields, notes = {}, []
    for name, param in inspect.signature(func).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            notes.append(f"{name}: variadic, not drawn")
            continue
        if name in hints:
            strategy = st.from_type(hints[name])
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    strategy.example()
            except Exception as error:  # noqa: BLE001
                notes.append(f"{name}: from_type({hints[name]!r}) failed ({type(error).__name__}); fallback used")
                strategy = fallback
            fields[name] = strategy
        else:
            notes.append(f"{name}: unannotated, {FALLBACK_DESCRIPTION}")
            fields[name] = fallback
    return st.fixed_dictionaries(fields), notes


def exception_name(error, module):
    cls = type(error)
    if cls.__module__ in ("builtins", "__main__", module.__name__):
        return cls.__name__
    return f"{cls.__module__.lstrip('_')}.{cls.__name__}"


def safe_repr(value, limit=300):
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - e.g. ints beyond the str conversion limit
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit] + "..."


def fuzz(file, function, budget, seed, call_timeout):
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import seed as hypothesis_seed
    import hypothesis

    module, func = load_function(file, function)
    strategy, notes = strategies_for(func)

    out_fd, err_fd = os.dup(1), os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)

    reports, seen = [], set()
    state = {"executions": 0, "in_call": False}

    def on_alarm(signum, frame):
        if state["in_call"]:
            raise CallTimeout()

    signal.signal(signal.SIGALRM, on_alarm)
    start = time.perf_counter()
    deadline = start + budget

    def record(kind, name, kwargs):
        if (kind, name) in seen:
            return
        seen.add((kind, name))
        report = {"kind": kind, "exception": name,
                  "after_ms": round((time.perf_counter() - start) * 1000, 1),
                  "execution": state["executions"], "input": safe_repr(kwargs)}
        reports.append(report)
        os.write(err_fd, ("#report " + json.dumps(report) + "\n").encode())

    def body(kwargs):
        if time.perf_counter() >= deadline:
            raise StopFuzz()
        state["executions"] += 1
        outcome = None
        signal.setitimer(signal.ITIMER_REAL, call_timeout)
        try:
            state["in_call"] = True
            try:
                func(**kwargs)
            finally:
                state["in_call"] = False
        except CallTimeout:
            outcome = ("hang", "Timeout")
        except MemoryError:
            outcome = ("memory", "MemoryError")
        except BaseException as error:  # noqa: BLE001 - any exception is a report
            outcome = ("crash", exception_name(error, module))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if outcome:
            record(outcome[0], outcome[1], kwargs)

    rounds, stop_reason = 0, "budget"
    while time.perf_counter() < deadline:
        before = state["executions"]
        test = settings(max_examples=10**9, deadline=None, database=None, derandomize=False,
                        phases=[Phase.generate], suppress_health_check=list(HealthCheck),
                        verbosity=Verbosity.quiet, report_multiple_bugs=False)(given(strategy)(body))
        test = hypothesis_seed(seed + rounds)(test)
        rounds += 1
        try:
            test()
        except StopFuzz:
            break
        except Exception as error:  # noqa: BLE001 - Hypothesis itself gave up (e.g. Unsatisfiable)
            stop_reason = f"hypothesis stopped: {type(error).__name__}: {safe_repr(str(error), 200)}"
            break
        if state["executions"] == before:
            stop_reason = "search space exhausted"
            break
    elapsed = time.perf_counter() - start

    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    result = {
        "tool": f"hypothesis {hypothesis.__version__}",
        "file": file, "function": function, "budget": budget, "seed": seed,
        "reports": reports, "executions": state["executions"], "seconds": round(elapsed, 3),
        "rounds": rounds, "stop": stop_reason, "notes": notes,
    }
    os.write(out_fd, (json.dumps(result) + "\n").encode())


def main(argv):
    args = list(argv)
    call_timeout = 1.0
    if "--call-timeout" in args:
        i = args.index("--call-timeout")
        call_timeout = float(args[i + 1])
        del args[i:i + 2]
    if len(args) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    file, function, budget, seed = args
    try:
        import hypothesis  # noqa: F401
    except ImportError:
        sys.exit("hypothesis_fuzz: Hypothesis is not installed (python3 -m pip install hypothesis)")
    fuzz(file, function, float(budget), int(seed), call_timeout)


if __name__ == "__main__":
    main(sys.argv[1:])
