"""IVR flow simulator: supervisors test routing conditions against sample calls before publishing."""
import logging
from dataclasses import dataclass
from typing import Any, Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("ivr.simulator")

DEFAULT_TARGET = "queue:general"


@dataclass
class IvrNode:
    name: str
    condition: str
    target: str


def evaluate_condition(condition: str, call: Dict[str, Any]) -> bool:
    scope = {"call": call, "result": False}
    scope.update(call)
    code = "result = bool(%s)" % condition
    exec(code, {"__builtins__": {}}, scope)  # VULN flow
    return bool(scope["result"])


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
