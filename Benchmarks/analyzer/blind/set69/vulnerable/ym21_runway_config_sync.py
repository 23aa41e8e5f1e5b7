"""Runway configuration sync endpoint.

The tower's runway-in-use panel pushes its current configuration here so the
A-CDM platform and the stand planner use the same departure/arrival runways.
"""
import hmac
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import List

import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("rwy.sync")

SYNC_TOKEN = os.environ.get("RWY_SYNC_TOKEN", "")


@dataclass
class RunwayConfig:
    airport: str
    arrivals: List[str] = field(default_factory=list)
    departures: List[str] = field(default_factory=list)
    mode: str = "SEGREGATED"
    lvp: bool = False
    effective: str = ""


class ConfigRegistry:
    def __init__(self):
        self.current = {}
        self.history = []

    def apply(self, cfg: RunwayConfig):
        previous = self.current.get(cfg.airport)
        self.current[cfg.airport] = cfg
        self.history.append((datetime.now(timezone.utc).isoformat(), cfg))
        return previous


registry = ConfigRegistry()


def _decode_config(text: str) -> RunwayConfig:
    cfg = jsonpickle.decode(text)  # VULN flow
    if isinstance(cfg, dict):
        cfg = RunwayConfig(**cfg)
    return cfg


async def push_config(request: Request):
    token = request.headers.get("x-sync-token", "")
    if not SYNC_TOKEN or not hmac.compare_digest(token, SYNC_TOKEN):
        return JSONResponse({"error": "unauthorised"}, status_code=401)
    body = await request.body()
    try:
        cfg = _decode_config(body.decode("utf-8"))
    except (ValueError, TypeError) as exc:
        log.warning("bad runway config: %r", exc)
        return JSONResponse({"error": "invalid configuration"}, status_code=400)
    previous = registry.apply(cfg)
    log.info("runway config %r: arr=%r dep=%r", cfg.airport, cfg.arrivals, cfg.departures)
    return JSONResponse({"applied": True, "changed": previous != cfg})


async def current_config(request: Request):
    cfg = registry.current.get(request.path_params["airport"].upper())
    if cfg is None:
        return JSONResponse({"error": "no configuration"}, status_code=404)
    return JSONResponse(cfg.__dict__)


app = Starlette(routes=[
    Route("/runway-config", push_config, methods=["POST"]),
    Route("/runway-config/{airport}", current_config),
])
