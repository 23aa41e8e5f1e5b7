"""Public looking-glass for the ISP backbone: ping / traceroute / mtr from a chosen PoP."""
import asyncio
import logging

from aiohttp import web

log = logging.getLogger("looking-glass")

POPS = {"fra1": "10.20.0.1", "ams1": "10.21.0.1", "lon2": "10.22.0.1"}
TOOLS = {
    "ping": "ping -c 5 -W 2 -I {src} {target}",
    "traceroute": "traceroute -w 2 -q 1 -s {src} {target}",
    "mtr": "mtr --report --report-cycles 5 --address {src} {target}",
}
MAX_RUNTIME = 45


class ProbeRequest:
    def __init__(self, data):
        self.tool = data.get("tool", "ping")
        self.pop = data.get("pop", "fra1")
        self.target = data.get("target", "").strip()

    def command(self) -> str:
        template = TOOLS[self.tool]
        return template.format(src=POPS[self.pop], target=self.target)


async def run_probe(cmdline: str) -> str:
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmdline, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=MAX_RUNTIME)
    except asyncio.TimeoutError:
        proc.kill()
        return "probe timed out"
    return out.decode(errors="replace")


async def probe(request: web.Request) -> web.Response:
    data = await request.post()
    req = ProbeRequest(data)
    if req.tool not in TOOLS or req.pop not in POPS:
        raise web.HTTPBadRequest(text="unknown tool or PoP")
    if not req.target or len(req.target) > 253:
        raise web.HTTPBadRequest(text="target required")
    log.info("lg %s from %s to %r requested by %s", req.tool, req.pop, req.target, request.remote)
    output = await run_probe(req.command())
    return web.json_response({"tool": req.tool, "pop": req.pop, "output": output})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/lg/probe", probe)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8085)
