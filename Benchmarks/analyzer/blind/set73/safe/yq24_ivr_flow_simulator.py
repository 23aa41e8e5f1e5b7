"""IVR flow simulator: supervisors test routing conditions against sample calls before publishing."""
import logging
import operator
import re
from dataclasses import dataclass
from typing import Any, Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("ivr.simulator")

DEFAULT_TARGET = "queue:general"
_CONDITION_RE = re.compile(r"^\s*([a-z_]{1,32})\s*(==|!=|>=|<=|>|<|in)\s*(.{1,100})$")
_OPS = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge,
        "<=": operator.le, ">": operator.gt, "<": operator.lt}


@dataclass
class IvrNode:
    name: str
    condition: str
    target: str


def _coerce(raw: str) -> Any:
    raw = raw.strip().strip("'\"")
    try:
        return float(raw) if "." in raw else int(raw)
    except ValueError:
        return raw


def evaluate_condition(condition: str, call: Dict[str, Any]) -> bool:
    m = _CONDITION_RE.match(condition)
    if not m:
        raise ValueError("unsupported condition")
    field, op, raw = m.groups()
    left = call.get(field)
    if op == "in":
        return left in [_coerce(v) for v in raw.split(",")]
    return bool(_OPS[op](left, _coerce(raw)))


def walk(nodes: List[IvrNode], call: Dict[str, Any]) -> Dict[str, Any]:
    trace = []
    for node in nodes:
        try:
            matched = evaluate_condition(node.condition, call)
        except Exception as exc:
            trace.append({"node": node.name, "error": type(exc).__name__})
            continue
        trace.append({"node": node.name, "matched": matched})
        if matched:
            return {"target": node.target, "trace": trace}
    return {"target": DEFAULT_TARGET, "trace": trace}


async def simulate(request: Request) -> JSONResponse:
    body = await request.json()
    try:
        nodes = [IvrNode(n["name"], n["condition"], n["target"]) for n in body["nodes"]]
    except (KeyError, TypeError):
        return JSONResponse({"error": "each node needs name, condition and target"}, status_code=400)
    call = dict(body.get("call", {}))
    result = walk(nodes, call)
    log.info("simulated %d nodes -> %r", len(nodes), result["target"])
    return JSONResponse(result)


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/ivr/simulate", simulate, methods=["POST"]),
    Route("/health", health),
])
