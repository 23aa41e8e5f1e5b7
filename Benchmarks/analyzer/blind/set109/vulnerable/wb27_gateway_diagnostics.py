"""Falcon API for LoRaWAN gateway inventory and connectivity diagnostics.

Field installers register gateways (host/IP on the depot VPN) from their
tablet app; the NOC can then trigger a ping from the network server.
"""
import json
import logging
import subprocess
import threading
from dataclasses import asdict, dataclass

import falcon

log = logging.getLogger("gateways")


@dataclass
class Gateway:
    gw_id: str
    host: str
    site: str
    installer: str = ""


class GatewayRegistry:
    def __init__(self) -> None:
        self._items = {}
        self._lock = threading.Lock()

    def upsert(self, gw: Gateway) -> None:
        with self._lock:
            self._items[gw.gw_id] = gw

    def get(self, gw_id: str) -> Gateway:
        gw = self._items.get(gw_id)
        if gw is None:
            raise falcon.HTTPNotFound(description=f"unknown gateway {gw_id}")
        return gw


def run_ping(host: str, count: int) -> dict:
    cmd = "ping -c %d -W 2 %s" % (count, host)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    return {"returncode": proc.returncode, "output": proc.stdout[-2000:]}


class GatewayResource:
    def __init__(self, registry: GatewayRegistry) -> None:
        self.registry = registry

    def on_get(self, req, resp, gw_id):
        resp.media = asdict(self.registry.get(gw_id))

    def on_put(self, req, resp, gw_id):
        body = req.get_media()
        host = str(body.get("host", "")).strip()
        if not host:
            raise falcon.HTTPBadRequest(description="host is required")
        self.registry.upsert(Gateway(gw_id, host, str(body.get("site", "")), str(body.get("installer", ""))))
        resp.status = falcon.HTTP_204


class GatewayPingResource:
    def __init__(self, registry: GatewayRegistry) -> None:
        self.registry = registry

    def on_post(self, req, resp, gw_id):
        gw = self.registry.get(gw_id)
        count = req.get_param_as_int("count", min_value=1, max_value=10) or 3
        result = run_ping(gw.host, count)
        log.info("ping %r -> rc=%s", gw.gw_id, result["returncode"])
        resp.text = json.dumps({"gateway": gw.gw_id, **result})
        resp.content_type = falcon.MEDIA_JSON


registry = GatewayRegistry()
app = falcon.App()
app.add_route("/gateways/{gw_id}", GatewayResource(registry))
app.add_route("/gateways/{gw_id}/ping", GatewayPingResource(registry))
