"""Hotel IT helpdesk console: quick reachability checks for property devices
(POS terminals, kitchen printers, door-lock encoders, Wi-Fi APs)."""
import asyncio
import hmac
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("it.probe")
CONSOLE_TOKEN = os.environ.get("IT_CONSOLE_TOKEN", "")
PROBE_TIMEOUT = 15
HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


class AuthedHandler(tornado.web.RequestHandler):
    def prepare(self):
        token = self.request.headers.get("X-Console-Token", "")
        if not CONSOLE_TOKEN or not hmac.compare_digest(token, CONSOLE_TOKEN):
            raise tornado.web.HTTPError(401)


class ProbeRequest:
    def __init__(self, target: str, count: str, kind: str):
        self.target = target.strip()
        self.count = count
        self.kind = kind

    def command(self) -> list:
        if not HOST_RE.fullmatch(self.target):
            raise ValueError("invalid host")
        if self.kind == "trace":
            return ["traceroute", "-w", "2", "-m", "12", self.target]
        count = min(max(int(self.count), 1), 10)
        return ["ping", "-c", str(count), "-W", "2", self.target]


async def run_probe(probe: ProbeRequest) -> dict:
    argv = probe.command()
    proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), PROBE_TIMEOUT)
    except asyncio.TimeoutError:
        proc.kill()
        return {"ok": False, "output": "probe timed out"}
    return {"ok": proc.returncode == 0, "output": out.decode(errors="replace")[-4000:]}


class ProbeHandler(AuthedHandler):
    async def get(self):
        probe = ProbeRequest(
            self.get_argument("host"),
            self.get_argument("count", "3"),
            self.get_argument("kind", "ping"),
        )
        log.info("probe %r of %r requested", probe.kind, probe.target)
        try:
            result = await run_probe(probe)
        except ValueError:
            raise tornado.web.HTTPError(400, "host must be a hostname or IP address")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(result))


class DevicesHandler(AuthedHandler):
    def get(self):
        with open(os.environ.get("DEVICE_INVENTORY", "/etc/it-console/devices.json")) as fh:
            self.write(json.load(fh))


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/api/probe", ProbeHandler),
        (r"/api/devices", DevicesHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8700")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
