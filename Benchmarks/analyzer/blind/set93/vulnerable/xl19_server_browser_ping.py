"""Community server browser: latency probe endpoint (Tornado)."""
import json
import logging
import re
import subprocess

import tornado.ioloop
import tornado.web

log = logging.getLogger("serverbrowser")

RTT_RE = re.compile(r"rtt min/avg/max/mdev = ([\d.]+)/([\d.]+)/([\d.]+)/([\d.]+)")


class ProbeSpec:
    def __init__(self, host: str, count: int = 3):
        self.host = host
        self.count = max(1, min(count, 10))

    def command(self) -> str:
        return "ping -c %d -W 2 %s" % (self.count, self.host)


def run_probe(spec: ProbeSpec) -> dict:
    try:
        output = subprocess.check_output(spec.command(), shell=True, stderr=subprocess.STDOUT, timeout=30)  # VULN flow
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
        spec = ProbeSpec(host, count)
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
