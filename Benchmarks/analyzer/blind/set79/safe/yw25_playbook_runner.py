"""Tiny SOAR: responders upload YAML playbooks and run them against alerts."""
import logging
import re
from urllib.parse import urlsplit

import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("soar")
PLAYBOOKS: dict = {}

TRANSFORMS = {
    "lower": lambda v: str(v).lower(),
    "upper": lambda v: str(v).upper(),
    "defang": lambda v: str(v).replace(".", "[.]").replace("http", "hxxp"),
    "domain_of": lambda v: urlsplit(str(v)).hostname,
    "split": lambda v, sep=",": [p.strip() for p in str(v).split(sep)],
}


def _lookup(ctx: dict, dotted: str):
    cur = ctx
    for part in dotted.split("."):
        cur = cur.get(part) if isinstance(cur, dict) else None
    return cur


class StepRunner:
    def __init__(self, playbook: dict):
        self.name = playbook["name"]
        self.steps = playbook.get("steps", [])

    def run_step(self, step: dict, ctx: dict):
        kind = step.get("type")
        if kind == "set":
            ctx[step["key"]] = step["value"]
        elif kind == "extract":
            m = re.search(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", str(_lookup(ctx, step["from"]) or ""))
            ctx[step["into"]] = m.group(0) if m else None
        elif kind == "transform":
            fn = TRANSFORMS.get(step["fn"])
            if fn is None:
                raise ValueError(f"unknown transform {step['fn']!r}")
            ctx[step.get("into", "result")] = fn(_lookup(ctx, step["from"]), *step.get("args", []))
        else:
            raise ValueError(f"unknown step type {kind!r}")

    def run(self, alert: dict) -> dict:
        ctx = {"alert": alert}
        for step in self.steps:
            self.run_step(step, ctx)
        ctx.pop("alert", None)
        return ctx


async def upload_playbook(request: Request) -> JSONResponse:
    text = (await request.body()).decode("utf-8")
    pb = yaml.safe_load(text)
    if not isinstance(pb, dict) or "name" not in pb:
        return JSONResponse({"error": "playbook needs a name"}, status_code=400)
    PLAYBOOKS[pb["name"]] = pb
    log.info("playbook %r uploaded with %d steps", pb["name"], len(pb.get("steps", [])))
    return JSONResponse({"stored": pb["name"]}, status_code=201)


async def run_playbook(request: Request) -> JSONResponse:
    pb = PLAYBOOKS.get(request.path_params["name"])
    if pb is None:
        return JSONResponse({"error": "no such playbook"}, status_code=404)
    alert = await request.json()
    try:
        out = StepRunner(pb).run(alert)
    except (KeyError, ValueError, TypeError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=422)
    return JSONResponse({"playbook": pb["name"], "context": out})


app = Starlette(routes=[
    Route("/playbooks", upload_playbook, methods=["POST"]),
    Route("/playbooks/{name}/run", run_playbook, methods=["POST"]),
])
