# AutoSafeCoder fuzzing worker: runs untrusted functions for the Swift fuzzer, inside the sandbox.
#
# Protocol (docs/fuzzer.md): one JSON object per line. The parent sends `init`, then `run`
# batches; the worker answers `ready`, then one `results` per batch. Inputs are encoded values
# (see `decode`); outcomes are raw facts (type, frames, whether a `raise` statement raised it,
# new lines covered, oracle events) that the Swift side triages.
#
# Runs on any python3 >= 3.9, standard library only. The audit guard is installed before the
# target module is imported, so its top-level code is confined as well.

import sys

if sys.version_info < (3, 9):
    sys.stderr.write("autosafecoder: the fuzzing worker needs python3 >= 3.9\n")
    sys.exit(3)

import base64
import dis
import gc
import io
import json
import os
import signal
import struct
import time
import types
import typing

PROTO_IN = os.fdopen(os.dup(0), "rb")
PROTO_OUT = os.fdopen(os.dup(1), "wb")
_devnull = os.open(os.devnull, os.O_RDWR)
for _fd in (0, 1, 2):
    os.dup2(_devnull, _fd)
sys.stdin = open(os.devnull, "r")
sys.stdout = open(os.devnull, "w")
sys.stderr = open(os.devnull, "w")


def send(obj):
    PROTO_OUT.write(json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n")
    PROTO_OUT.flush()


class Blocked(BaseException):
    """Raised by the audit guard: the operation did not happen. A BaseException, so the
    target's `except Exception` does not swallow it."""

    def __init__(self, event, detail):
        BaseException.__init__(self, event, detail)
        self.event = event
        self.detail = detail


class CallTimeout(BaseException):
    pass


STATE = {
    "armed": False,
    "tmpdir": "/",
    "marker": "\x00",
    "security": [],
    "blocked": None,
    "in_hook": False,
    "strings": [],
}

# --------------------------------------------------------------------------- oracles

SHELL_OPERATORS = (";", "|", "&", "\n", "`", "$(")


def shell_injected(command, marker):
    """True when the marker follows a shell operator the shell would obey: the planted text
    became shell syntax. Quoting (shlex.quote, single quotes) keeps it data."""
    if not isinstance(command, str) or marker not in command:
        return False
    state = ""  # "" unquoted, "'" single, '"' double
    live = []  # per index: (state, escaped)
    i = 0
    escaped = False
    while i < len(command):
        c = command[i]
        live.append((state, escaped))
        if escaped:
            escaped = False
        elif state == "'":
            if c == "'":
                state = ""
        elif c == "\\":
            escaped = True
        elif state == '"':
            if c == '"':
                state = ""
        elif c in "'\"":
            state = c
        i += 1
    start = command.find(marker)
    while start >= 0:
        for op in SHELL_OPERATORS:
            at = start - len(op)
            if at >= 0 and command[at:start] == op:
                op_state, op_escaped = live[at]
                if op_escaped:
                    continue
                if op_state == "" or (op_state == '"' and op in ("`", "$(")):
                    return True
        start = command.find(marker, start + 1)
    return False


def sql_injected(sql, marker):
    """True when the marker stands outside every SQL string literal and comment."""
    if isinstance(sql, bytes):
        sql = sql.decode("utf-8", "replace")
    if not isinstance(sql, str) or marker not in sql:
        return False
    i, n = 0, len(sql)
    outside = bytearray(n)
    while i < n:
        c = sql[i]
        if c in "'\"":
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            outside[i] = 1
            i += 1
    start = sql.find(marker)
    while start >= 0:
        if outside[start]:
            return True
        start = sql.find(marker, start + 1)
    return False


def code_names(code, depth=0):
    names = set(code.co_names) | set(code.co_varnames)
    if depth < 8:
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                names |= code_names(const, depth + 1)
    return names


def as_text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, str):
        return value
    if hasattr(value, "__fspath__"):
        try:
            return as_text(os.fspath(value))
        except Exception:
            return None
    return None


def path_traversal(path, marker):
    """True when planted `..` components take an opened path out of the directory the
    function put in front of the input (`os.path.join(BASE, name)`). A path opened exactly as
    the caller gave it is the caller's choice, not a traversal."""
    text = as_text(path)
    if text is None or marker not in text:
        return False
    normalized = text if not os.altsep else text.replace(os.altsep, os.sep)
    for planted in STATE["strings"]:
        if marker not in planted:
            continue
        at = normalized.find(planted)
        if at < 0:
            continue
        if at == 0:
            return False  # the caller's own path
        prefix = normalized[:at]
        base = prefix.rstrip(os.sep) if prefix.endswith(os.sep) else os.path.dirname(prefix)
        base = os.path.normpath(base or ".")
        resolved = os.path.normpath(normalized)
        return not (resolved == base or resolved.startswith(base.rstrip(os.sep) + os.sep))
    # The input was transformed on the way (stripped, joined in parts): `..` right before
    # the marker behind something that is not itself a traversal.
    parts = normalized[: normalized.find(marker)].split(os.sep)[:-1]
    if ".." not in parts:
        return False
    return any(p not in ("", ".", "..") for p in parts[: parts.index("..")])


def planted_strings(values, depth=0):
    """The text values of a call's arguments (one level into containers), for the oracles."""
    out = []
    for value in values:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, (bytes, bytearray)):
            out.append(bytes(value).decode("utf-8", "replace"))
        elif hasattr(value, "__fspath__"):
            text = as_text(value)
            if text is not None:
                out.append(text)
        elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
            out.extend(planted_strings(list(value), depth + 1))
        elif depth < 2 and isinstance(value, dict):
            out.extend(planted_strings(list(value.values()), depth + 1))
    return out


def security(cwe, event, detail):
    STATE["security"].append({"cwe": cwe, "event": event, "detail": detail[:300]})
    raise Blocked(event, detail)


def block(event, detail):
    STATE["blocked"] = {"event": event, "detail": str(detail)[:300]}
    raise Blocked(event, str(detail))


HARMLESS = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty"}


def inside_tmp(path, dir_fd=None):
    text = as_text(path)
    if text in HARMLESS:
        return True
    if text is None:
        return isinstance(path, int)  # a file descriptor the process already holds
    base = STATE["tmpdir"]
    if not os.path.isabs(text):
        if dir_fd is not None:
            try:
                base = os.readlink("/proc/self/fd/%d" % dir_fd)
            except OSError:
                return False
        text = os.path.join(base if dir_fd is not None else os.getcwd(), text)
    real = os.path.realpath(text)
    tmp = STATE["tmpdir"]
    return real == tmp or real.startswith(tmp + os.sep)


def in_deserializer():
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith(("pickle", "yaml", "_pickle", "copyreg", "jsonpickle", "dill")):
            return True
        frame = frame.f_back
    return False


def on_command(event, command, program=None):
    marker = STATE["marker"]
    text = as_text(command) if not isinstance(command, (list, tuple)) else None
    if text is not None and shell_injected(text, marker):
        security(78, event, text)
    if isinstance(command, (list, tuple)):
        argv = [as_text(a) or "" for a in command]
        if len(argv) >= 3 and argv[1] == "-c" and argv[0].endswith("sh") and shell_injected(argv[2], marker):
            security(78, event, argv[2])
        if argv and marker in argv[0]:
            security(78, event, " ".join(argv))
    if program is not None and marker in (as_text(program) or ""):
        security(78, event, as_text(program))
    block(event, command)


WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def on_open(args):
    path, mode, flags = (tuple(args) + (None, None, None))[:3]
    if isinstance(path, int):
        return
    if path_traversal(path, STATE["marker"]):
        security(22, "open", as_text(path))
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & WRITE_FLAGS
    )
    if writes and not inside_tmp(path):
        block("open for writing", path)


def paths_outside(event, *paths, dir_fd=None):
    for path in paths:
        if path is not None and not inside_tmp(path, dir_fd):
            block(event, path)


def audit(event, args):
    if not STATE["armed"] or STATE["in_hook"]:
        return
    handler = HANDLERS.get(event)
    if handler is None:
        if event.startswith("ctypes."):
            block(event, args[0] if args else "")
        return
    STATE["in_hook"] = True
    try:
        handler(event, args)
    finally:
        STATE["in_hook"] = False


def h_exec(event, args):
    code = args[0] if args else None
    if isinstance(code, types.CodeType) and STATE["marker"] in code_names(code):
        security(95, "exec", "planted text executed as code: %s" % code.co_filename)


def h_import(event, args):
    name = args[0] if args else ""
    if isinstance(name, str) and STATE["marker"] in name:
        security(502 if in_deserializer() else 94, "import", name)


def h_find_class(event, args):
    module, name = (tuple(args) + ("", ""))[:2]
    if STATE["marker"] in str(module) or STATE["marker"] in str(name):
        security(502, "pickle.find_class", "%s.%s" % (module, name))


def h_kill(event, args):
    pid = args[0] if args else 0
    if pid != os.getpid():
        block(event, pid)


HANDLERS = {
    "exec": h_exec,
    "import": h_import,
    "pickle.find_class": h_find_class,
    "open": lambda e, a: on_open(a),
    "os.system": lambda e, a: on_command(e, a[0]),
    "subprocess.Popen": lambda e, a: on_command(e, a[1], a[0]),
    "os.exec": lambda e, a: on_command(e, a[1], a[0]),
    "os.spawn": lambda e, a: on_command(e, a[2], a[1]),
    "os.posix_spawn": lambda e, a: on_command(e, a[1], a[0]),
    "os.startfile": lambda e, a: on_command(e, a[0]),
    "pty.spawn": lambda e, a: on_command(e, a[0]),
    "os.fork": lambda e, a: block(e, "fork"),
    "os.forkpty": lambda e, a: block(e, "forkpty"),
    "os.kill": h_kill,
    "os.killpg": lambda e, a: block(e, a[0] if a else ""),
    "socket.__new__": lambda e, a: block(e, "socket"),
    "socket.connect": lambda e, a: block(e, a[1] if len(a) > 1 else ""),
    "socket.bind": lambda e, a: block(e, a[1] if len(a) > 1 else ""),
    "socket.getaddrinfo": lambda e, a: block(e, a[0] if a else ""),
    "socket.gethostbyname": lambda e, a: block(e, a[0] if a else ""),
    "socket.sendto": lambda e, a: block(e, ""),
    "os.remove": lambda e, a: paths_outside(e, a[0], dir_fd=a[1] if len(a) > 1 else None),
    "os.rmdir": lambda e, a: paths_outside(e, a[0], dir_fd=a[1] if len(a) > 1 else None),
    "os.rename": lambda e, a: paths_outside(e, a[0], a[1]),
    "os.mkdir": lambda e, a: paths_outside(e, a[0], dir_fd=a[2] if len(a) > 2 else None),
    "os.chmod": lambda e, a: paths_outside(e, a[0], dir_fd=a[2] if len(a) > 2 else None),
    "os.chown": lambda e, a: paths_outside(e, a[0], dir_fd=a[3] if len(a) > 3 else None),
    "os.truncate": lambda e, a: paths_outside(e, a[0]),
    "os.symlink": lambda e, a: paths_outside(e, a[1]),
    "os.link": lambda e, a: paths_outside(e, a[1]),
    "os.utime": lambda e, a: paths_outside(e, a[0]),
    "os.setxattr": lambda e, a: paths_outside(e, a[0]),
    "os.removexattr": lambda e, a: paths_outside(e, a[0]),
    "shutil.rmtree": lambda e, a: paths_outside(e, a[0]),
    "shutil.move": lambda e, a: paths_outside(e, a[0], a[1]),
    "shutil.copyfile": lambda e, a: paths_outside(e, a[1]),
    "shutil.copytree": lambda e, a: paths_outside(e, a[1]),
    "shutil.chown": lambda e, a: paths_outside(e, a[0]),
    "sqlite3.connect": lambda e, a: paths_outside(e, a[0]) if a and as_text(a[0]) not in (":memory:", "") else None,
}


def guard_sqlite():
    """Oracle for SQL injection: the SQL text handed to execute (not the trace callback,
    which shows bound parameters inlined and would flag safe queries)."""
    try:
        import sqlite3
    except Exception:
        return

    def check(sql):
        if sql_injected(sql, STATE["marker"]):
            security(89, "sqlite3.execute", as_text(sql) or "")

    class GuardedCursor(sqlite3.Cursor):
        def execute(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Cursor.execute(self, sql, *args, **kwargs)

        def executemany(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Cursor.executemany(self, sql, *args, **kwargs)

        def executescript(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Cursor.executescript(self, sql, *args, **kwargs)

    class GuardedConnection(sqlite3.Connection):
        def cursor(self, factory=GuardedCursor):
            return sqlite3.Connection.cursor(self, factory)

        def execute(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Connection.execute(self, sql, *args, **kwargs)

        def executemany(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Connection.executemany(self, sql, *args, **kwargs)

        def executescript(self, sql, *args, **kwargs):
            check(sql)
            return sqlite3.Connection.executescript(self, sql, *args, **kwargs)

    original = sqlite3.connect

    def connect(*args, **kwargs):
        kwargs.setdefault("factory", GuardedConnection)
        return original(*args, **kwargs)

    sqlite3.connect = connect
    sqlite3.dbapi2.connect = connect


# --------------------------------------------------------------------------- limits

def set_limits(limits):
    try:
        import resource
    except ImportError:
        return []
    applied = []
    mb = 1024 * 1024
    wanted = [
        ("RLIMIT_AS", limits.get("memory_mb", 512) * mb),
        ("RLIMIT_CPU", limits.get("cpu_seconds", 600)),
        ("RLIMIT_FSIZE", limits.get("file_size_mb", 16) * mb),
        ("RLIMIT_NOFILE", limits.get("open_files", 256)),
        ("RLIMIT_NPROC", limits.get("processes", 64) + count_own_processes()),
        ("RLIMIT_CORE", 0),
    ]
    for name, value in wanted:
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard if name != "RLIMIT_CPU" else value + 5 if hard == resource.RLIM_INFINITY else hard))
            applied.append(name[7:].lower())
        except (ValueError, OSError):
            pass
    return applied


def count_own_processes():
    uid = os.getuid()
    count = 0
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat("/proc/" + entry).st_uid == uid:
                        count += 1
                except OSError:
                    pass
    except OSError:
        return 4096
    return count


# --------------------------------------------------------------------------- types

REFS = []  # classes the parent refers to by index


def ref(cls):
    for index, known in enumerate(REFS):
        if known is cls:
            return index
    REFS.append(cls)
    return len(REFS) - 1


def encode(value, depth=0):
    """A Python value in the parent's value encoding, or raise ValueError."""
    if depth > 6:
        raise ValueError("too deep")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value:
            return {"f": "nan"}
        if value in (float("inf"), float("-inf")):
            return {"f": "inf" if value > 0 else "-inf"}
        return {"f": repr(value)}
    if isinstance(value, bytes):
        return {"y": value.hex()}
    if isinstance(value, bytearray):
        return {"ba": bytes(value).hex()}
    import enum
    import pathlib

    if isinstance(value, enum.Enum):
        return {"en": ref(type(value)), "m": value.name}
    if isinstance(value, pathlib.PurePath):
        return {"p": str(value)}
    if isinstance(value, tuple):
        return {"t": [encode(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return {"l": [encode(v, depth + 1) for v in value]}
    if isinstance(value, frozenset):
        return {"fe": [encode(v, depth + 1) for v in value]}
    if isinstance(value, set):
        return {"e": [encode(v, depth + 1) for v in value]}
    if isinstance(value, dict):
        return {"d": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    raise ValueError("not encodable")


def decode(value):
    kind = type(value)
    if kind is dict:
        if "l" in value:
            return [decode(v) for v in value["l"]]
        if "t" in value:
            return tuple(decode(v) for v in value["t"])
        if "y" in value:
            return bytes.fromhex(value["y"])
        if "f" in value:
            return float(value["f"])
        if "d" in value:
            out = {}
            for k, v in value["d"]:
                key = decode(k)
                try:
                    out[key] = decode(v)
                except TypeError:
                    pass
            return out
        if "u" in value:
            return "".join(chr(c) for c in value["u"])
        if "e" in value:
            return set(_hashable(decode(v)) for v in value["e"])
        if "fe" in value:
            return frozenset(_hashable(decode(v)) for v in value["fe"])
        if "ba" in value:
            return bytearray.fromhex(value["ba"])
        if "p" in value:
            import pathlib

            return pathlib.Path(value["p"])
        if "en" in value:
            return getattr(REFS[value["en"]], value["m"])
        if "new" in value:
            cls = REFS[value["new"]]
            return cls(**{k: decode(v) for k, v in value.get("a", {}).items()})
        if "j" in value:  # an int too large for the parent's own integers
            return int(value["j"])
        if "nest" in value:  # deep nesting, built without recursion
            out = decode(value["leaf"])
            for _ in range(value["nest"]):
                out = [out]
            return out
    return value


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted(((repr(k), _hashable(v)) for k, v in value.items())))
    if isinstance(value, (set, bytearray)):
        return frozenset(value) if isinstance(value, set) else bytes(value)
    return value


def schema(tp, module_globals, depth=0):
    """The parent's type description of an annotation."""
    import collections.abc as abc
    import enum
    import pathlib

    if depth > 5:
        return {"t": "any"}
    if isinstance(tp, str):
        try:
            tp = eval(tp, module_globals)  # an unresolved forward reference of the target's own module
        except Exception:
            return {"t": "any", "text": tp}
    if tp is None or tp is type(None):
        return {"t": "none"}
    if tp is typing.Any or tp is object:
        return {"t": "any"}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    union_type = getattr(types, "UnionType", None)
    if origin is typing.Union or (union_type is not None and origin is union_type):
        return {"t": "union", "of": [schema(a, module_globals, depth + 1) for a in args]}
    if origin is typing.Literal:
        values = []
        for a in args:
            try:
                values.append(encode(a))
            except ValueError:
                pass
        return {"t": "literal", "values": values}
    annotated = getattr(typing, "Annotated", None)
    if annotated is not None and origin is annotated:
        return schema(args[0], module_globals, depth + 1)
    if origin in (list, abc.Sequence, abc.MutableSequence, abc.Iterable, abc.Collection, abc.Iterator, abc.Reversible):
        return {"t": "list", "of": schema(args[0], module_globals, depth + 1) if args else {"t": "any"}}
    if origin in (set, abc.Set, abc.MutableSet):
        return {"t": "set", "of": schema(args[0], module_globals, depth + 1) if args else {"t": "any"}}
    if origin is frozenset:
        return {"t": "frozenset", "of": schema(args[0], module_globals, depth + 1) if args else {"t": "any"}}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"t": "tuple", "of": schema(args[0], module_globals, depth + 1)}
        if args == ((),):
            return {"t": "tuple", "items": []}
        if not args:
            return {"t": "tuple", "of": {"t": "any"}}
        return {"t": "tuple", "items": [schema(a, module_globals, depth + 1) for a in args]}
    if origin in (dict, abc.Mapping, abc.MutableMapping):
        if len(args) == 2:
            return {"t": "dict", "key": schema(args[0], module_globals, depth + 1), "value": schema(args[1], module_globals, depth + 1)}
        return {"t": "dict", "key": {"t": "any"}, "value": {"t": "any"}}
    if origin is type or origin is abc.Callable:
        return {"t": "any"}
    if isinstance(tp, typing.TypeVar):
        bound = tp.__bound__
        if bound is not None:
            return schema(bound, module_globals, depth + 1)
        if tp.__constraints__:
            return {"t": "union", "of": [schema(a, module_globals, depth + 1) for a in tp.__constraints__]}
        return {"t": "any"}
    supertype = getattr(tp, "__supertype__", None)  # typing.NewType
    if supertype is not None:
        return schema(supertype, module_globals, depth + 1)
    simple = {int: "int", float: "float", bool: "bool", str: "str", bytes: "bytes", bytearray: "bytearray", complex: "complex"}
    if tp in simple:
        return {"t": simple[tp]}
    if tp in (list, set, frozenset, dict, tuple):
        return schema({list: typing.List, set: typing.Set, frozenset: typing.FrozenSet, dict: typing.Dict, tuple: typing.Tuple}[tp], module_globals, depth + 1)
    if tp in (typing.List, typing.Set, typing.Dict, typing.Tuple, typing.FrozenSet, typing.Sequence, typing.Iterable, typing.Mapping):
        base = {typing.List: "list", typing.Set: "set", typing.Dict: "dict", typing.Tuple: "tuple", typing.FrozenSet: "frozenset",
                typing.Sequence: "list", typing.Iterable: "list", typing.Mapping: "dict"}[tp]
        if base == "dict":
            return {"t": "dict", "key": {"t": "any"}, "value": {"t": "any"}}
        return {"t": base, "of": {"t": "any"}}
    if not isinstance(tp, type):
        return {"t": "any"}
    if issubclass(tp, pathlib.PurePath) or tp is os.PathLike:
        return {"t": "path"}
    if issubclass(tp, enum.Enum):
        return {"t": "enum", "ref": ref(tp), "name": tp.__qualname__, "members": [m.name for m in tp]}
    import dataclasses

    if dataclasses.is_dataclass(tp):
        try:
            hints = typing.get_type_hints(tp)
        except Exception:
            hints = {}
        fields = []
        for f in dataclasses.fields(tp):
            if not f.init:
                continue
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            fields.append({"name": f.name, "type": schema(hints.get(f.name, f.type), module_globals, depth + 1), "optional": has_default})
        return {"t": "class", "ref": ref(tp), "name": tp.__qualname__, "fields": fields}
    if issubclass(tp, tuple) and hasattr(tp, "_fields"):  # NamedTuple
        hints = getattr(tp, "__annotations__", {})
        return {"t": "class", "ref": ref(tp), "name": tp.__qualname__,
                "fields": [{"name": n, "type": schema(hints.get(n, typing.Any), module_globals, depth + 1), "optional": n in getattr(tp, "_field_defaults", {})} for n in tp._fields]}
    if issubclass(tp, dict) and hasattr(tp, "__total__"):  # TypedDict
        hints = typing.get_type_hints(tp)
        return {"t": "typeddict", "fields": [{"name": n, "type": schema(h, module_globals, depth + 1), "optional": not tp.__total__} for n, h in hints.items()]}
    return {"t": "opaque", "name": tp.__qualname__}


# --------------------------------------------------------------------------- targets

def resolve_target(module, dotted):
    obj = module
    parts = dotted.split(".")
    owner = None
    for part in parts:
        owner = obj
        obj = getattr(obj, part)
    if owner is not module and isinstance(owner, type):
        import inspect

        static = inspect.getattr_static(owner, parts[-1])
        if not isinstance(static, (staticmethod, classmethod)):
            raise TypeError("%s is an instance method" % dotted)
    if not callable(obj):
        raise TypeError("%s is not callable" % dotted)
    return obj


def describe(module, dotted):
    import inspect

    fn = resolve_target(module, dotted)
    sig = inspect.signature(fn)
    try:
        hints = typing.get_type_hints(fn)
    except Exception:
        hints = {}
    params = []
    for p in sig.parameters.values():
        entry = {"name": p.name, "kind": p.kind.name.lower()}
        annotation = hints.get(p.name, p.annotation)
        if annotation is not inspect.Parameter.empty:
            try:
                entry["type"] = schema(annotation, vars(module))
            except Exception:
                entry["type"] = {"t": "any"}
        if p.default is not inspect.Parameter.empty:
            try:
                entry["default"] = encode(p.default)
            except ValueError:
                entry["has_default"] = True
        params.append(entry)
    kind = "coroutine" if inspect.iscoroutinefunction(fn) else "function"
    return fn, {"name": dotted, "status": "ok", "params": params, "kind": kind}


# --------------------------------------------------------------------------- coverage

FILES = {}  # path -> index sent to the parent
NEW_FILES = {}
ROOTS = []
TRACKED = {}
NEW_LINES = []


def tracked(filename):
    known = TRACKED.get(filename)
    if known is None:
        known = filename.endswith(".py") and any(filename.startswith(r) for r in ROOTS) and (
            "site-packages" not in filename and "/.venv/" not in filename) and not filename.startswith(STATE["tmpdir"] + os.sep)
        TRACKED[filename] = known
    return known


def file_index(filename):
    index = FILES.get(filename)
    if index is None:
        index = len(FILES)
        FILES[filename] = index
        NEW_FILES[str(index)] = filename
    return index


SEEN = set()


def start_coverage():
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None:
        tool = 3
        try:
            monitoring.use_tool_id(tool, "autosafecoder")
        except ValueError:
            tool = 4
            monitoring.use_tool_id(tool, "autosafecoder")
        disable = monitoring.DISABLE

        def on_line(code, line):
            filename = code.co_filename
            if tracked(filename):
                NEW_LINES.append((file_index(filename), line))
            return disable

        monitoring.register_callback(tool, monitoring.events.LINE, on_line)
        monitoring.set_events(tool, monitoring.events.LINE)
        return "sys.monitoring"

    def local(frame, event, arg):
        if event == "line":
            key = (frame.f_code.co_filename, frame.f_lineno)
            if key not in SEEN:
                SEEN.add(key)
                NEW_LINES.append((file_index(key[0]), key[1]))
        return local

    def global_trace(frame, event, arg):
        if tracked(frame.f_code.co_filename):
            return local
        return None

    sys.settrace(global_trace)
    return "sys.settrace"


# --------------------------------------------------------------------------- running

RAISE_OPS = {"RAISE_VARARGS", "RERAISE"}
RAISE_CACHE = {}


def raised_by_statement(tb):
    code = tb.tb_frame.f_code
    table = RAISE_CACHE.get(code)
    if table is None:
        table = {i.offset for i in dis.get_instructions(code) if i.opname in RAISE_OPS}
        RAISE_CACHE[code] = table
    return tb.tb_lasti in table


def qualname(cls):
    module = getattr(cls, "__module__", "builtins")
    return cls.__qualname__ if module == "builtins" else "%s.%s" % (module, cls.__qualname__)


def describe_exception(exc):
    tb = exc.__traceback__
    frames = []
    last = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != __file__:
            frames.append([tb.tb_frame.f_code.co_filename, tb.tb_lineno, tb.tb_frame.f_code.co_name])
            last = tb
        tb = tb.tb_next
    try:
        message = str(exc)
    except Exception:
        message = "<unprintable>"
    return {
        "o": "exc",
        "type": qualname(type(exc)),
        "mro": [qualname(c) for c in type(exc).__mro__[1:] if c not in (object, BaseException)],
        "msg": message[:300],
        "frames": frames[-12:],
        "raise": bool(last is not None and raised_by_statement(last)),
    }


def on_alarm(signum, frame):
    raise CallTimeout()


def call(fn, kind, args, kwargs, timeout):
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = fn(*args, **kwargs)
        if kind == "coroutine":
            import asyncio

            result = asyncio.run(result)
        elif isinstance(result, types.GeneratorType):
            for count, _ in enumerate(result):
                if count > 10000:
                    break
        return result
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def run_batch(fn, kind, inputs, timeout, inflight, seq, want_values, deadline, stop_on_timeout=False):
    results = []
    for index, item in enumerate(inputs):
        if deadline is not None and index > 0 and time.monotonic() > deadline:
            break  # the budget ran out: the parent drops the inputs not run
        inflight[0:8] = struct.pack("<II", seq, index + 1)
        STATE["security"] = []
        STATE["blocked"] = None
        try:
            args = [decode(v) for v in item.get("a", [])]
            kwargs = {k: decode(v) for k, v in item.get("k", {}).items()}
        except Exception as exc:
            results.append({"o": "bad_input", "msg": "%s: %s" % (type(exc).__name__, exc)})
            continue
        STATE["strings"] = planted_strings(args + list(kwargs.values()))
        outcome = None
        STATE["armed"] = True
        try:
            value = call(fn, kind, args, kwargs, timeout)
            outcome = {"o": "ok"}
            if want_values:
                try:
                    outcome["r"] = repr(value)[:500]
                except BaseException:
                    outcome["r"] = "<unrepresentable>"
        except CallTimeout:
            outcome = {"o": "timeout"}
        except MemoryError:
            outcome = {"o": "memory"}
        except Blocked as blocked:
            outcome = {"o": "blocked", "event": blocked.event, "detail": str(blocked.detail)[:300]}
        except BaseException as exc:
            outcome = describe_exception(exc)
        finally:
            STATE["armed"] = False
        if STATE["security"]:
            outcome["sec"] = STATE["security"]
        if STATE["blocked"] is not None and outcome["o"] != "blocked":
            outcome["blk"] = STATE["blocked"]
        if NEW_LINES:
            outcome["cov"] = NEW_LINES[:]
            del NEW_LINES[:]
        results.append(outcome)
        if outcome["o"] == "memory":
            gc.collect()
        if outcome["o"] == "timeout" and stop_on_timeout:
            break  # let the parent judge the hang now; it sends the rest again
    inflight[0:8] = struct.pack("<II", seq, 0)
    return results


def module_name_for(path):
    """Dotted name of the module at `path` and the directory to put on sys.path."""
    directory, filename = os.path.split(path)
    parts = [os.path.splitext(filename)[0]]
    while os.path.exists(os.path.join(directory, "__init__.py")):
        directory, package = os.path.split(directory)
        parts.insert(0, package)
    name = ".".join(parts)
    if not all(p.isidentifier() for p in parts):
        return None, directory
    return name, directory


def import_target(path, timeout):
    import importlib
    import importlib.util

    name, directory = module_name_for(path)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        if name is not None and name != "__main__":
            module = importlib.import_module(name)
            if os.path.realpath(getattr(module, "__file__", "") or "") == os.path.realpath(path):
                return module
        spec = importlib.util.spec_from_file_location("autosafecoder_target", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["autosafecoder_target"] = module
        spec.loader.exec_module(module)
        return module
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    line = PROTO_IN.readline()
    if not line:
        return
    init = json.loads(line)
    STATE["marker"] = init["marker"]
    tmpdir = os.path.realpath(init["tmpdir"])
    STATE["tmpdir"] = tmpdir
    os.chdir(tmpdir)
    os.environ["TMPDIR"] = tmpdir
    os.environ["HOME"] = tmpdir
    import tempfile

    tempfile.tempdir = tmpdir
    ROOTS.extend(os.path.realpath(r) + os.sep for r in init.get("roots", []))
    inflight_fd = os.open(os.path.join(tmpdir, ".inflight"), os.O_RDWR | os.O_CREAT, 0o600)
    os.ftruncate(inflight_fd, 8)
    import mmap

    inflight = mmap.mmap(inflight_fd, 8)
    signal.signal(signal.SIGALRM, on_alarm)
    applied = set_limits(init.get("limits", {}))
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    guard_sqlite()
    os._exit = lambda code=0: block("os._exit", code)  # a target that exits would take the worker with it
    sys.addaudithook(audit)
    coverage = start_coverage()
    path = os.path.realpath(init["file"])
    for directory in init.get("search_path", []):
        if directory not in sys.path:
            sys.path.append(directory)
    timeout = init.get("call_timeout_ms", 1000) / 1000.0
    hello = {"op": "ready", "python": "%d.%d.%d" % sys.version_info[:3], "limits": applied, "coverage": coverage, "targets": []}
    STATE["armed"] = True
    try:
        module = import_target(path, max(timeout, init.get("import_timeout_ms", 10000) / 1000.0))
    except BaseException as exc:
        STATE["armed"] = False
        if isinstance(exc, Blocked):
            reason = "importing it was blocked by the sandbox (%s: %s)" % (exc.event, exc.detail)
        elif isinstance(exc, CallTimeout):
            reason = "importing it took too long"
        else:
            reason = "importing it failed: %s: %s" % (qualname(type(exc)), str(exc)[:200])
        hello["import_error"] = reason
        hello["files"] = dict(NEW_FILES)
        send(hello)
        return
    finally:
        STATE["armed"] = False
    functions = {}
    for dotted in init.get("targets", []):
        try:
            fn, info = describe(module, dotted)
            functions[dotted] = (fn, info["kind"])
            hello["targets"].append(info)
        except Exception as exc:
            hello["targets"].append({"name": dotted, "status": "skipped", "reason": "%s: %s" % (type(exc).__name__, exc)})
    del NEW_LINES[:]  # lines run by the import are not the fuzzer's doing
    hello["refs"] = [qualname(c) for c in REFS]
    hello["files"] = dict(NEW_FILES)
    send(hello)
    seq = 0
    while True:
        line = PROTO_IN.readline()
        if not line:
            return
        request = json.loads(line)
        if request.get("op") != "run":
            continue
        seq += 1
        fn, kind = functions[request["target"]]
        NEW_FILES.clear()
        budget_ms = request.get("budget_ms")
        deadline = None if budget_ms is None else time.monotonic() + budget_ms / 1000.0
        results = run_batch(fn, kind, request["inputs"], timeout, inflight, seq, request.get("values", False), deadline,
                            request.get("stop_on_timeout", False))
        reply = {"op": "results", "results": results}
        if NEW_FILES:
            reply["files"] = dict(NEW_FILES)
        send(reply)


if __name__ == "__main__":
    main()
