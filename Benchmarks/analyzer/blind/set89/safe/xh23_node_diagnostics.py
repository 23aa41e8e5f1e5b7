"""Operator console: run network probes against compute nodes from the web UI (aiohttp)."""
import asyncio
import logging
import re
import time

from aiohttp import web

log = logging.getLogger("nodediag")

PROBES = {
    "ping": ["ping", "-c", "3", "-W", "2", "{host}"],
    "trace": ["traceroute", "-m", "12", "-w", "2", "{host}"],
    "dns": ["host", "{host}"],
}
PROBE_TIMEOUT = 20.0
HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


async def run_probe(cmd: list, timeout: float = PROBE_TIMEOUT) -> dict:
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    except asyncio.TimeoutError:
        proc.kill()
        await proc.wait()
        return {"rc": None, "output": "", "timed_out": True}
    return {
        "rc": proc.returncode,
        "output": out.decode(errors="replace"),
        "elapsed": round(time.monotonic() - started, 2),
        "timed_out": False,
    }


def build_probe(probe: str, node: str) -> list:
    if not HOST_RE.match(node):
        raise web.HTTPBadRequest(text="invalid node name")
    template = PROBES[probe]
    return [part.format(host=node) for part in template]


async def diagnose(request: web.Request) -> web.Response:
    node = request.match_info["node"]
    probe = request.query.get("probe", "ping")
    if probe not in PROBES:
        raise web.HTTPBadRequest(text=f"unknown probe, choose from {sorted(PROBES)}")
    cmd = build_probe(probe, node)
    log.info("running %r probe for %r", probe, node)
    result = await run_probe(cmd)
    return web.json_response({"node": node, "probe": probe, **result})


async def diagnose_many(request: web.Request) -> web.Response:
    body = await request.json()
    nodes = body.get("nodes", [])[:32]
    probe = body.get("probe", "ping")
    if probe not in PROBES:
        raise web.HTTPBadRequest(text="unknown probe")
    results = await asyncio.gather(*(run_probe(build_probe(probe, n)) for n in nodes))
    return web.json_response({n: r for n, r in zip(nodes, results)})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/api/nodes/{node}/diagnose", diagnose)
    app.router.add_post("/api/nodes/diagnose", diagnose_many)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8470)
