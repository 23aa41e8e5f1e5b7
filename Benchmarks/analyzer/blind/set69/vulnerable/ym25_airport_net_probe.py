"""Network probe service for the airport IT service desk.

Lets service desk staff check reachability of check-in kiosks, CUTE
workstations, gate readers and baggage sorter PLCs from the core network.
"""
import asyncio
import logging

from aiohttp import web

log = logging.getLogger("netprobe")

PROBES = {
    "ping": "ping -c 3 -W 2 {target}",
    "trace": "traceroute -w 2 -q 1 -m 15 {target}",
    "dns": "dig +short {target}",
}
PROBE_TIMEOUT = 40


class ProbeResult:
    def __init__(self, kind, target, rc, output):
        self.kind = kind
        self.target = target
        self.rc = rc
        self.output = output

    def as_dict(self):
        return {"probe": self.kind, "target": self.target, "ok": self.rc == 0,
                "output": self.output.splitlines()[-20:]}


async def run_probe(kind, target):
    cmd = PROBES[kind].format(target=target)
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=PROBE_TIMEOUT)
    except asyncio.TimeoutError:
        proc.kill()
        return ProbeResult(kind, target, -1, "probe timed out")
    return ProbeResult(kind, target, proc.returncode, out.decode(errors="replace"))


async def probe_handler(request):
    data = await request.post()
    kind = data.get("probe", "ping")
    target = data.get("target", "").strip()
    if kind not in PROBES or not target:
        raise web.HTTPBadRequest(text="probe and target are required")
    log.info("probe %r requested for %r", kind, target)
    result = await run_probe(kind, target)
    return web.json_response(result.as_dict())


async def bulk_handler(request):
    body = await request.json()
    targets = body.get("targets", [])[:20]
    results = await asyncio.gather(*(run_probe("ping", t) for t in targets))
    return web.json_response([r.as_dict() for r in results])


def create_app():
    app = web.Application()
    app.router.add_post("/probe", probe_handler)
    app.router.add_post("/probe/bulk", bulk_handler)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8099)
