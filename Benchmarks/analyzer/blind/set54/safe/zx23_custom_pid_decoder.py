"""Shared library of manufacturer-specific OBD PIDs (Starlette).

Technicians contribute PID definitions such as
    {"mode": "22", "pid": "F40D", "name": "Trans temp", "formula": "A - 40", "unit": "C"}
and the scan tools post raw response bytes here to get decoded values.
"""
import ast
import logging
import operator
from typing import Dict

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("pid-library")

PIDS: Dict[str, dict] = {
    "01:0C": {"name": "Engine RPM", "formula": "((A * 256) + B) / 4", "unit": "rpm"},
    "01:05": {"name": "Coolant temp", "formula": "A - 40", "unit": "C"},
}


def pid_key(mode: str, pid: str) -> str:
    return "%s:%s" % (mode.upper(), pid.upper())


def byte_vars(raw: bytes) -> dict:
    names = "ABCDEFGH"
    return {names[i]: b for i, b in enumerate(raw[: len(names)])}


_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.RShift: operator.rshift,
    ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.Mod: operator.mod,
}


def compute(node, env):
    if isinstance(node, ast.Expression):
        return compute(node.body, env)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](compute(node.left, env), compute(node.right, env))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -compute(node.operand, env)
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise NameError(node.id)
        return env[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    raise ValueError("unsupported formula element")


class Decoder:
    def __init__(self, definition: dict):
        self.name = definition["name"]
        self.unit = definition.get("unit", "")
        self.formula = definition["formula"]
        self.tree = ast.parse(self.formula, mode="eval")

    def decode(self, raw: bytes) -> float:
        env = byte_vars(raw)
        return compute(self.tree, env)


async def add_pid(request: Request):
    body = await request.json()
    key = pid_key(body["mode"], body["pid"])
    try:
        Decoder({"name": body["name"], "formula": body["formula"]}).decode(bytes(8))
    except (SyntaxError, ValueError, TypeError):
        return JSONResponse({"error": "invalid formula"}, status_code=400)
    except ZeroDivisionError:
        pass
    PIDS[key] = {"name": body["name"], "formula": body["formula"], "unit": body.get("unit", "")}
    log.info("pid %r added", key)
    return JSONResponse({"key": key}, status_code=201)


async def decode(request: Request):
    body = await request.json()
    key = pid_key(body["mode"], body["pid"])
    definition = PIDS.get(key)
    if definition is None:
        return JSONResponse({"error": "unknown pid"}, status_code=404)
    try:
        raw = bytes.fromhex(body["data"])
    except ValueError:
        return JSONResponse({"error": "data must be hex"}, status_code=400)
    decoder = Decoder(definition)
    try:
        value = decoder.decode(raw)
    except (NameError, ZeroDivisionError, TypeError, ValueError, SyntaxError):
        return JSONResponse({"error": "not enough data bytes"}, status_code=422)
    return JSONResponse({"name": decoder.name, "value": value, "unit": decoder.unit})


async def list_pids(request: Request):
    return JSONResponse(PIDS)


app = Starlette(routes=[
    Route("/pids", list_pids, methods=["GET"]),
    Route("/pids", add_pid, methods=["POST"]),
    Route("/decode", decode, methods=["POST"]),
])
