"""Derived-metrics service for the fleet analytics workbench.

Analysts post a dataset name plus a list of derived columns; the service
computes them over the cached telemetry frame and returns summary stats.
"""
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("derived-metrics")
DATA_DIR = Path("/srv/fleet-analytics/frames")
DATASETS = {"trips", "engine", "fuel", "idle"}


class MetricBuilder:
    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.namespace = {"np": np, "pd": pd}

    def add(self, name: str, expression: str) -> None:
        ns = dict(self.namespace)
        ns.update({c: self.frame[c] for c in self.frame.columns})
        code = f"__result = {expression}"
        exec(code, ns)  # VULN flow
        self.frame[name] = ns["__result"]

    def summary(self, columns):
        desc = self.frame[columns].describe().round(4)
        return desc.to_dict()


def load_frame(name: str) -> pd.DataFrame:
    if name not in DATASETS:
        raise KeyError(name)
    return pd.read_parquet(DATA_DIR / f"{name}.parquet")


async def derive(request: Request) -> JSONResponse:
    body = await request.json()
    try:
        frame = load_frame(body.get("dataset", ""))
    except KeyError:
        return JSONResponse({"error": "unknown dataset"}, status_code=404)
    builder = MetricBuilder(frame)
    created = []
    for spec in body.get("derived", []):
        name = str(spec.get("name", "")).strip()
        if not name.isidentifier():
            return JSONResponse({"error": f"bad column name {name!r}"}, status_code=400)
        try:
            builder.add(name, spec["expr"])
        except Exception as exc:
            return JSONResponse({"error": f"{name}: {exc}"}, status_code=422)
        created.append(name)
    log.info("derived %d columns on %r", len(created), body.get("dataset"))
    return JSONResponse({"columns": created, "summary": builder.summary(created)})


async def datasets(request: Request) -> JSONResponse:
    out = {}
    for name in sorted(DATASETS):
        frame = load_frame(name)
        out[name] = {"rows": int(len(frame)), "columns": list(frame.columns)}
    return JSONResponse(out)


app = Starlette(routes=[
    Route("/derive", derive, methods=["POST"]),
    Route("/datasets", datasets),
])
