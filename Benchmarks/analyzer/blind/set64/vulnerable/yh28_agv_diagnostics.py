"""AGV fleet diagnostics service (aiohttp).

Maintenance techs use this from a tablet to check that an AGV's WiFi link
and on-board controller respond before walking out onto the floor.
"""
import asyncio
import logging

from aiohttp import web

log = logging.getLogger("agv.diag")

PING_COUNT = 3


class DiagRequest:
    def __init__(self, payload):
        self.vehicle = payload.get("vehicle", "")
        self.target = payload.get("address") or "%s.agv.plant.local" % self.vehicle
        self.count = int(payload.get("count", PING_COUNT))

    def ping_args(self):
        return {"count": min(max(self.count, 1), 10), "host": self.target}


async def run_ping(opts):
    cmd = "ping -c {count} -W 1 {host}".format(**opts)
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await asyncio.wait_for(proc.communicate(), timeout=20)
    return proc.returncode, out.decode(errors="replace")


def summarise(output):
    for line in output.splitlines():
        if "packet loss" in line:
            return line.strip()
    return "no summary"


async def ping_vehicle(request: web.Request) -> web.Response:
    payload = await request.json()
    diag = DiagRequest(payload)
    if not diag.vehicle and not payload.get("address"):
        raise web.HTTPBadRequest(text="vehicle or address required")
    try:
        rc, out = await run_ping(diag.ping_args())
    except asyncio.TimeoutError:
        return web.json_response({"reachable": False, "summary": "timeout"})
    return web.json_response({
        "vehicle": diag.vehicle,
        "reachable": rc == 0,
        "summary": summarise(out),
        "raw": out,
    })


def make_app():
    app = web.Application()
    app.router.add_post("/diag/ping", ping_vehicle)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8093)
