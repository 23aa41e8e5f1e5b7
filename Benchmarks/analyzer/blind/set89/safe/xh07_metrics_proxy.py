"""Cluster dashboard backend: proxies node_exporter metrics for the heatmap panel."""
import logging
import os

import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

EXPORTER_PORT = int(os.environ.get("EXPORTER_PORT", 9100))
FETCH_TIMEOUT = 4.0
DEFAULT_PREFIXES = "node_load,node_memory_MemAvailable,node_cpu_seconds_total"
INVENTORY_FILE = os.environ.get("NODE_INVENTORY", "/etc/clusterdash/nodes.txt")

log = logging.getLogger("dash.metrics")


def load_inventory(path: str) -> frozenset:
    try:
        with open(path) as fh:
            return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
    except FileNotFoundError:
        return frozenset()


INVENTORY = load_inventory(INVENTORY_FILE)


def exporter_url(target: str) -> str:
    """Only nodes from the inventory file are proxied."""
    if target not in INVENTORY:
        raise LookupError(target)
    return f"http://{target}:{EXPORTER_PORT}/metrics"


async def fetch_metrics(url: str) -> str:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(url, timeout=FETCH_TIMEOUT)
        resp.raise_for_status()
        return resp.text


def pick(text: str, prefixes):
    keep = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if any(line.startswith(p) for p in prefixes):
            keep.append(line)
    return "\n".join(keep)


async def node_metrics(request):
    target = request.query_params.get("node")
    if not target:
        return JSONResponse({"error": "node is required"}, status_code=400)
    try:
        url = exporter_url(target)
    except LookupError:
        return JSONResponse({"error": "unknown node"}, status_code=404)
    try:
        body = await fetch_metrics(url)
    except httpx.HTTPError as exc:
        log.info("metrics fetch for %r failed: %r", target, exc)
        return JSONResponse({"error": "upstream unavailable"}, status_code=502)
    wanted = request.query_params.get("prefix", DEFAULT_PREFIXES).split(",")
    return PlainTextResponse(pick(body, [w.strip() for w in wanted if w.strip()]))


async def health(request):
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route("/api/node-metrics", node_metrics),
        Route("/healthz", health),
    ]
)
