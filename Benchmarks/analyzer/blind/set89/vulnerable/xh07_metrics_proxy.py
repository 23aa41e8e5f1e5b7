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

log = logging.getLogger("dash.metrics")


def exporter_url(target: str) -> str:
    """Accepts a bare node name or a full exporter URL (for the GPU nodes on dcgm)."""
    if "://" not in target:
        target = f"http://{target}:{EXPORTER_PORT}"
    return target.rstrip("/") + "/metrics"


async def fetch_metrics(url: str) -> str:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(url, timeout=FETCH_TIMEOUT)  # VULN flow
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
    url = exporter_url(target)
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
