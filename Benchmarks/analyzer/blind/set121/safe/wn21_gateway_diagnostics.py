"""Diagnostics endpoints for the hive gateways (Tornado).

Gateways sit in the out-apiaries on LTE routers; support staff register them
here and can run a reachability check from the operations console.
"""
import asyncio
import ipaddress
import json
import logging
import re
import uuid

import tornado.ioloop
import tornado.web

log = logging.getLogger("gateway_diag")
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def valid_host(host: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        if HOSTNAME_RE.match(host):
            return host
    raise ValueError("not a hostname or IP address")


class Gateway:
    def __init__(self, name: str, host: str, apiary: str):
        self.gateway_id = uuid.uuid4().hex[:12]
        self.name = name
        self.host = valid_host(host)
        self.apiary = apiary

    def as_dict(self):
        return {"id": self.gateway_id, "name": self.name, "host": self.host, "apiary": self.apiary}


class Registry(dict):
    def add(self, gw: Gateway) -> Gateway:
        self[gw.gateway_id] = gw
        return gw


class GatewayListHandler(tornado.web.RequestHandler):
    def initialize(self, registry: Registry):
        self.registry = registry

    def get(self):
        self.write({"gateways": [g.as_dict() for g in self.registry.values()]})

    def post(self):
        body = json.loads(self.request.body or b"{}")
        try:
            gw = Gateway(body["name"], body["host"].strip(), body.get("apiary", ""))
        except (KeyError, AttributeError, ValueError):
            raise tornado.web.HTTPError(400, "name and a valid host are required")
        self.registry.add(gw)
        self.set_status(201)
        self.write(gw.as_dict())


class PingHandler(tornado.web.RequestHandler):
    def initialize(self, registry: Registry):
        self.registry = registry

    async def post(self, gateway_id: str):
        gw = self.registry.get(gateway_id)
        if gw is None:
            raise tornado.web.HTTPError(404)
        count = max(1, min(int(self.get_argument("count", "3")), 10))
        cmd = ["ping", "-c", str(count), "-W", "2", "--", gw.host]
        proc = await asyncio.create_subprocess_exec(
            *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        output, _ = await proc.communicate()
        log.info("ping %r exited %d", gw.name, proc.returncode)
        self.write({"gateway": gw.gateway_id, "reachable": proc.returncode == 0,
                    "output": output.decode(errors="replace")[-1500:]})


def make_app() -> tornado.web.Application:
    registry = Registry()
    return tornado.web.Application([
        (r"/gateways", GatewayListHandler, {"registry": registry}),
        (r"/gateways/([0-9a-f]{12})/ping", PingHandler, {"registry": registry}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
