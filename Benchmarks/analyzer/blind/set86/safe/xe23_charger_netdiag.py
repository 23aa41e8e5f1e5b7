"""Network diagnostics for NOC operators (Tornado).

When a charge point drops off the OCPP backend, NOC staff use this small
service on the modem gateway host to ping / traceroute the charger's private
APN address or its site router hostname.
"""
import ipaddress
import logging
import os
import re
import shlex
import subprocess

import tornado.ioloop
import tornado.web

log = logging.getLogger("netdiag")

NOC_TOKEN = os.environ.get("NETDIAG_TOKEN", "")
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def valid_target(host: str) -> str:
    host = host.strip()
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not HOSTNAME_RE.fullmatch(host):
        raise tornado.web.HTTPError(400, "invalid host")
    return host


class Probe:
    def __init__(self, host: str, count: str = "3"):
        self.host = valid_target(host)
        try:
            self.count = max(1, min(int(count), 10))
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid count")

    def ping(self) -> str:
        cmd = ["ping", "-c", str(self.count), "-W", "2", "--", self.host]
        out = subprocess.check_output(cmd, stderr=subprocess.STDOUT, timeout=30)
        return out.decode(errors="replace")

    def traceroute(self) -> str:
        with os.popen("traceroute -n -m 15 -w 2 " + shlex.quote(self.host)) as pipe:
            return pipe.read()


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        if not NOC_TOKEN or self.request.headers.get("X-NOC-Token") != NOC_TOKEN:
            raise tornado.web.HTTPError(401)


class PingHandler(BaseHandler):
    async def get(self):
        probe = Probe(self.get_argument("host"), self.get_argument("count", "3"))
        loop = tornado.ioloop.IOLoop.current()
        try:
            output = await loop.run_in_executor(None, probe.ping)
            ok = True
        except subprocess.CalledProcessError as exc:
            output, ok = exc.output.decode(errors="replace"), False
        except subprocess.TimeoutExpired:
            output, ok = "timed out", False
        log.info("ping %r ok=%s", probe.host, ok)
        self.write({"host": probe.host, "ok": ok, "output": output})


class TracerouteHandler(BaseHandler):
    async def get(self):
        probe = Probe(self.get_argument("host"))
        output = await tornado.ioloop.IOLoop.current().run_in_executor(None, probe.traceroute)
        self.write({"host": probe.host, "output": output})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/diag/ping", PingHandler),
        (r"/diag/traceroute", TracerouteHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
