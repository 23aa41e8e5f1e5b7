#!/usr/bin/env python3
"""Sanity check of the fuzzing corpus (not a benchmark).

Usage: python3 Benchmarks/fuzz/verify_corpus.py [--examples N]

- every buggy crash/hang/memory entry is called with an input known to trigger its bug, and the
  exception (or the hang, or the allocation failure) must be the one the manifest names;
- every security entry is called with an exploit that shows the flaw (a marker file written by an
  injected shell command, rows leaked by SQL injection, a file read outside the static root...);
- every correct entry is run on hand-picked edge inputs and then on N random inputs from wide
  Hypothesis strategies (surrogates, huge ints, ints where floats are annotated, nan/inf, ...):
  only the exceptions its docstring documents may escape.

The whole check re-runs itself inside bwrap (read-only root, private /tmp, no network) with a
1 GiB address-space limit, so the exploits and the memory bug cannot touch the machine.
Exit status 0 when everything behaves as the manifest says.
"""
import base64
import importlib.util
import json
import math
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
MEMORY_LIMIT = 1 << 30


def load(file):
    path = os.path.join(CORPUS, file)
    name = "corpus_" + file.replace("/", "_").replace(".py", "")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class Hang(BaseException):
    pass


def _alarm(signum, frame):
    raise Hang()


def call(func, *args, timeout=2.0, **kwargs):
    """(outcome, value): outcome is 'ok', 'hang' or an exception class name."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return "ok", func(*args, **kwargs)
    except Hang:
        return "hang", None
    except BaseException as error:  # noqa: BLE001 - everything is an outcome here
        name = type(error).__name__
        if type(error).__module__ not in ("builtins", "__main__") and "." not in name:
            name = f"{type(error).__module__}.{name}"
        return name, error
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def nested(depth):
    value = [1]
    for _ in range(depth):
        value = [value]
    return value


def crash_triggers():
    m = lambda f: load("buggy/" + f)  # noqa: E731
    stats, structures, text_utils = m("stats.py"), m("structures.py"), m("text_utils.py")
    return {
        "parse_header": lambda: m("parsers.py").parse_header("Content-Type text/html"),
        "parse_version": lambda: m("parsers.py").parse_version("1.2-beta"),
        "parse_record": lambda: m("parsers.py").parse_record(b"\x00\x01"),
        "median": lambda: stats.median([]),
        "average_price": lambda: stats.average_price(stats.Order("ada", [], 0.1)),
        "sigmoid": lambda: stats.sigmoid(-1000.0),
        "compound_growth": lambda: stats.compound_growth(100.0, 1.0, 2000),
        "display_name": lambda: text_utils.display_name("Ada", None, True),
        "greeting": lambda: text_utils.greeting({"title": "Dr"}),
        "decode_payload": lambda: text_utils.decode_payload(b"caf\xe9"),
        "collapse_spaces": lambda: text_utils.collapse_spaces("a  b"),
        "flatten": lambda: structures.flatten(nested(2000)),
        "apply_command": lambda: structures.apply_command(["a", "b"], "reset"),
        "sort_key": lambda: structures.sort_key("priority", ("write docs", 2, 1.5)),
        "shard_for": lambda: structures.shard_for("user:42", 0),
        "syslog_priority": lambda: m("log_levels.py").syslog_priority(m("log_levels.py").Level.WARNING),
        "pages_needed": lambda: m("resources.py").pages_needed(10, 0),
        "scratch_buffer": lambda: m("resources.py").scratch_buffer(4096),
    }


def crash_benign():
    """Ordinary inputs on which the buggy functions work (the bug is not everywhere)."""
    m = lambda f: load("buggy/" + f)  # noqa: E731
    stats, structures, text_utils = m("stats.py"), m("structures.py"), m("text_utils.py")
    return {
        "parse_header": (lambda: m("parsers.py").parse_header("Host: example.com"), ("host", "example.com")),
        "parse_version": (lambda: m("parsers.py").parse_version("2.10"), (2, 10, 0)),
        "parse_record": (lambda: m("parsers.py").parse_record(b"\x00\x02\x00\x01\x00\x00\x00\x04abcd")["length"], 4),
        "median": (lambda: stats.median([3.0, 1.0, 2.0]), 2.0),
        "average_price": (lambda: stats.average_price(stats.Order("ada", [10.0, 20.0], 0.5)), 7.5),
        "sigmoid": (lambda: stats.sigmoid(0.0), 0.5),
        "compound_growth": (lambda: round(stats.compound_growth(100.0, 0.1, 2), 6), 121.0),
        "display_name": (lambda: text_utils.display_name("Ada", "Lovelace", True), "LOVELACE, Ada"),
        "greeting": (lambda: text_utils.greeting({"name": "Ada"}), "Hello, Ada!"),
        "decode_payload": (lambda: text_utils.decode_payload(b"a\n\nb"), ["a", "b"]),
        "collapse_spaces": (lambda: text_utils.collapse_spaces("a b"), "a b"),
        "flatten": (lambda: structures.flatten([1, [2, [3]], 4]), [1, 2, 3, 4]),
        "apply_command": (lambda: structures.apply_command(["a"], "undo"), []),
        "sort_key": (lambda: structures.sort_key("due", ("x", 1, 2.5)), 2.5),
        "shard_for": (lambda: 0 <= structures.shard_for(b"k", 7) < 7, True),
        "syslog_priority": (lambda: m("log_levels.py").syslog_priority(m("log_levels.py").Level.ERROR), 11),
        "pages_needed": (lambda: m("resources.py").pages_needed(25, 10), 3),
        "scratch_buffer": (lambda: len(m("resources.py").scratch_buffer(1)), 1 << 20),
    }


def security_checks():
    """name -> function returning (shown: bool, detail)."""
    admin, web = load("buggy/admin_tools.py"), load("buggy/web_handlers.py")

    def list_directory():
        marker = "/tmp/verify-ls-marker"
        admin.list_directory(f"/nonexistent 2>/dev/null; echo injected > {marker}")
        return os.path.exists(marker), "marker file written by an injected command"

    def search_logs():
        lines = admin.search_logs("x /dev/null; echo INJECTED-OUTPUT #")
        return "INJECTED-OUTPUT" in "\n".join(lines), "output of an injected echo returned"

    def calculate():
        value = admin.calculate("len(__import__('os').listdir('/'))")
        return value > 0, "arbitrary Python evaluated (os.listdir)"

    def read_static():
        # STATIC_ROOT does not exist on this machine, so '../' names fail in the kernel after
        # reaching open(); an absolute name replaces the root in os.path.join and is read.
        opened = []

        def hook(event, args):
            if event == "open" and isinstance(args[0], str):
                opened.append(args[0])

        sys.addaudithook(hook)
        web.read_static("../../../etc/passwd")
        escaped = any(os.path.normpath(p) == "/etc/passwd" for p in opened)
        data = web.read_static("/etc/passwd")
        return escaped and data is not None and b"root:" in data, \
            "open('/srv/app/static/../../../etc/passwd') attempted; '/etc/passwd' read"

    def load_session():
        marker = "/tmp/verify-pickle-marker"

        class Exploit:
            def __reduce__(self):
                return (os.system, (f"echo pickled > {marker}",))

        web.load_session(base64.b64encode(pickle.dumps(Exploit())).decode())
        return os.path.exists(marker), "os.system run by unpickling"

    def find_user():
        rows = web.find_user("' OR '1'='1")
        return len(rows) == 3 and len(web.find_user("alice")) == 1, "all 3 rows leaked"

    return {"list_directory": list_directory, "search_logs": search_logs, "calculate": calculate,
            "read_static": read_static, "load_session": load_session, "find_user": find_user}


# --- correct functions -----------------------------------------------------------------------

HUGE = [10**5000, -10**5000, 2**63, -2**63 - 1, 2**1024, 10**400]


def edge_cases():
    cfg, txt, num = load("correct/config.py"), load("correct/text.py"), load("correct/numeric.py")
    pth, inv = load("correct/paths.py"), load("correct/inventory.py")
    strings = ["", " ", "\t\n", "0", "00080", "65535", "65536", "99999", "-1", "+1", "1e3", "1_000",
               "٣", "²", "ⅷ", "\ud800", "\x00", "é", "İ", "\u200b", "  42  ", "9" * 5000, "1.5",
               "{", "{}", "{x}", "{{x}}", "{x", "x}", "{_a1}", "{1x}", "15m", "2H", "1d", "d", "s",
               "366d", "367d", "31622400", "31622401", "ǅ", "ß", "../x", "/etc", "a/../..",
               ".", "..", "...", "a.", ".txt", ".TXT", ".tar.gz", ".a" * 6, ".ñ", ".\n", ".txt\n",
               "a\0b", "Héllo, Wörld!", "---", "\ufeff", "💥" * 3]
    ints = [0, 1, -1, 2, 3, 1023, 1024, 65535, 10_000, 10_001, 10**9, 10**9 + 1, 10**13,
            10**13 + 1, True, False] + HUGE
    floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan] + ints
    byte_strings = [b"", b"\xef\xbb\xbf", b"\xef\xbb\xbfhi", b"\xff", b"\xc3", b"\xed\xa0\x80",
                    "💥".encode(), b"\x00", b"abc"]
    paths = [Path(s) for s in ["", ".", "..", "/", "//", "a", "a.b", "a.b.c", ".bashrc", "...",
                               "a.", "dir/file.txt", "/x/y/..", "a\0b", "\ud800.py", "x" * 300]]
    cases = {
        "parse_port": [(s, b) for s in strings for b in (True, False)],
        "parse_duration": [(v,) for v in strings + ints],
        "expand_placeholders": [(s, d) for s in strings for d in ({}, {"x": "\\1 {x}"}, {"_a1": ""})],
        "slugify": [(s, n) for s in strings for n in (1, 2, 50, 0, -1, 10**100, True)],
        "truncate": [(s, w, side, e) for s in strings[:30] for w in (-1, 0, 1, 2, 3, 10**100)
                     for side in ("end", "middle", "start") for e in ("…", "", "...")],
        "decode_text": [(b,) for b in byte_strings],
        "clamp": [(v, lo, hi) for v in floats for lo in floats[:12] for hi in floats[:12]],
        "parse_int": [(s, d) for s in strings for d in (None, 0, 10**5000)],
        "safe_join": [(b, n) for b in ["", "/", "//", ".", "a", "/srv/x/", "a/.."]
                      for n in strings],
        "change_extension": [(p, e) for p in paths for e in strings[40:]],
        "line_total": [(inv.Item(s, q, p),) for s in ("", "x") for q in ints for p in ints],
        "format_price": [(a, c) for a in ints for c in inv.Currency],
    }
    funcs = {
        "parse_port": cfg.parse_port, "parse_duration": cfg.parse_duration,
        "expand_placeholders": cfg.expand_placeholders, "slugify": txt.slugify,
        "truncate": txt.truncate, "decode_text": txt.decode_text, "clamp": num.clamp,
        "parse_int": num.parse_int, "safe_join": pth.safe_join,
        "change_extension": pth.change_extension, "line_total": inv.line_total,
        "format_price": inv.format_price,
    }
    allowed = {
        "parse_port": (cfg.ConfigError,), "parse_duration": (cfg.ConfigError,),
        "expand_placeholders": (cfg.TemplateError,), "slugify": (ValueError,),
        "truncate": (ValueError,), "decode_text": (UnicodeDecodeError,), "clamp": (ValueError,),
        "parse_int": (ValueError,), "safe_join": (ValueError,),  # UnsafePathError is a ValueError
        "change_extension": (ValueError,), "line_total": (inv.InventoryError,),
        "format_price": (inv.InventoryError,),
    }
    return funcs, cases, allowed


def random_strategies():
    from hypothesis import strategies as st
    inv = load("correct/inventory.py")
    text = st.text(st.characters(exclude_categories=()))  # includes lone surrogates
    ints = st.one_of(st.integers(), st.sampled_from(HUGE), st.booleans())
    floats = st.one_of(st.floats(), ints)  # int is acceptable where float is annotated
    small = st.text(alphabet="{}x_1./ -\x00\ufeffa.sdhm") 
    return {
        "parse_port": st.tuples(st.one_of(text, small), st.booleans()),
        "parse_duration": st.tuples(st.one_of(text, small, ints)),
        "expand_placeholders": st.tuples(st.one_of(text, small), st.dictionaries(st.one_of(text, small), text)),
        "slugify": st.tuples(text, ints),
        "truncate": st.tuples(text, ints, st.sampled_from(["end", "middle"]), text),
        "decode_text": st.tuples(st.binary()),
        "clamp": st.tuples(floats, floats, floats),
        "parse_int": st.tuples(st.one_of(text, small), st.one_of(st.none(), ints)),
        "safe_join": st.tuples(st.one_of(text, small), st.one_of(text, small)),
        "change_extension": st.tuples(st.builds(Path, st.one_of(text, small)), st.one_of(text, small)),
        "line_total": st.tuples(st.builds(inv.Item, text, ints, ints)),
        "format_price": st.tuples(ints, st.sampled_from(list(inv.Currency))),
    }


def check_correct(examples):
    failures = []
    funcs, cases, allowed = edge_cases()
    for name, func in funcs.items():
        bad = []
        for args in cases[name]:
            outcome, value = call(func, *args)
            if outcome == "ok":
                continue
            if outcome == "hang" or not isinstance(value, allowed[name]):
                bad.append((args, outcome, value))
        count = len(cases[name])
        if examples:
            try:
                from hypothesis import given, settings, HealthCheck
            except ImportError:
                examples = 0
        if examples:
            strategy = random_strategies()[name]

            @settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(strategy)
            def run(args):
                outcome, value = call(func, *args)
                if outcome != "ok" and (outcome == "hang" or not isinstance(value, allowed[name])):
                    bad.append((args, outcome, value))
            run()
            count += examples
        status = "ok" if not bad else f"FAIL ({len(bad)})"
        print(f"  correct  {name:20} {count:6} inputs  {status}")
        for args, outcome, value in bad[:3]:
            print(f"      {outcome}: {value!r:.120} on {args!r:.200}")
        if bad:
            failures.append(name)
    return failures


def main_inside(examples):
    manifest = json.load(open(os.path.join(CORPUS, "manifest.json")))
    failures = []
    triggers, benign = crash_triggers(), crash_benign()
    security = security_checks()
    for entry in manifest:
        name, kind = entry["function"], entry["kind"]
        if kind in ("crash", "hang", "memory"):
            outcome, value = call(triggers[name])
            expected = {"crash": entry["exception"], "hang": "hang", "memory": "MemoryError"}[kind]
            ok_benign, got_benign = benign[name][1], call(benign[name][0])
            fine = outcome == expected and got_benign == ("ok", ok_benign)
            print(f"  {kind:8} {name:20} trigger -> {outcome}; benign input -> {got_benign[0]}"
                  f"{'' if fine else '   <-- FAIL'}")
            if not fine:
                failures.append(name)
        elif kind == "security":
            outcome, value = call(security[name], timeout=10)
            shown = outcome == "ok" and value[0]
            detail = value[1] if outcome == "ok" else f"{outcome}: {value}"
            print(f"  security {name:20} CWE-{entry['cwe']}: {'shown' if shown else 'NOT SHOWN'} ({detail})")
            if not shown:
                failures.append(name)
    failures += check_correct(examples)
    print(f"{'all entries behave as the manifest says' if not failures else 'FAILED: ' + ', '.join(failures)}")
    return 1 if failures else 0


def main():
    examples = 3000
    if "--examples" in sys.argv:
        examples = int(sys.argv[sys.argv.index("--examples") + 1])
    if os.environ.get("VERIFY_CORPUS_INSIDE") == "1":
        sys.exit(main_inside(examples))
    if not shutil.which("bwrap"):
        sys.exit("verify_corpus: bwrap is needed to run the exploits safely (apt-get install bubblewrap)")
    command = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
               "--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session",
               "--setenv", "VERIFY_CORPUS_INSIDE", "1", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
               "--setenv", "HYPOTHESIS_STORAGE_DIRECTORY", "/tmp/hypothesis",
               "--chdir", "/tmp", sys.executable, os.path.abspath(__file__), *sys.argv[1:]]

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    sys.exit(subprocess.run(command, preexec_fn=limit).returncode)


if __name__ == "__main__":
    main()
