"""Community server browser: latency probe endpoint (Tornado)."""
import ipaddress
import json
import logging
import re
import subprocess

import tornado.ioloop
import tornado.web

log = logging.getLogger("serverbrowser")

RTT_RE = re.compile(r"rtt min/avg/max/mdev = ([\d.]+)/([\d.]+)/([\d.]+)/([\d.]+)")
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(host))


class ProbeSpec:
    def __init__(self, host: str, count: int = 3):
        if not _valid_host(host):
            raise ValueError("invalid host")
        self.host = host
        self.count = max(1, min(count, 10))

    def command(self) -> list:
        return ["ping", "-c", str(self.count), "-W", "2", "--", self.host]


def run_probe(spec: ProbeSpec) -> dict:
    try:
        output = subprocess.check_output(spec.command(), shell=False, stderr=subprocess.STDOUT, timeout=30)
    except subprocess.CalledProcessError as exc:
        return {"reachable": False, "detail": exc.output.decode(errors="replace")[-200:]}
    except subprocess.TimeoutExpired:
        return {"reachable": False, "detail": "timeout"}
    m = RTT_RE.search(output.decode(errors="replace"))
    if not m:
        return {"reachable": True, "avg_ms": None}
    return {"reachable": True, "min_ms": float(m.group(1)), "avg_ms": float(m.group(2)),
            "max_ms": float(m.group(3))}


class ProbeHandler(tornado.web.RequestHandler):
    async def get(self):
        host = self.get_query_argument("host")
        count = int(self.get_query_argument("count", "3"))
        try:
            spec = ProbeSpec(host, count)
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid host")
        result = await tornado.ioloop.IOLoop.current().run_in_executor(None, run_probe, spec)
        result["host"] = host
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(result))


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write("ok")


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/api/probe", ProbeHandler),
        (r"/healthz", HealthHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
