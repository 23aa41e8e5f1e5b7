"""Falcon service behind the ISP portal: per-port bandwidth stats and cached graph images."""
import json
import logging
import os

import falcon
import requests

log = logging.getLogger("bwgraph")

GRAPH_CACHE = os.environ.get("GRAPH_CACHE", "/var/cache/bwgraph")
DEFAULT_COLLECTOR = "collector-1.noc.internal"


class StatsSource:
    def __init__(self, collector: str, port_id: str):
        self.collector = collector
        self.port_id = port_id

    @property
    def url(self) -> str:
        return f"http://{self.collector}:8080/rrd/ports/{self.port_id}.json"

    def fetch(self, resolution: str) -> dict:
        resp = requests.get(self.url, params={"res": resolution}, timeout=6)  # VULN flow
        resp.raise_for_status()
        return resp.json()


class StatsResource:
    def on_get(self, req, resp, port_id):
        collector = req.get_param("collector") or DEFAULT_COLLECTOR
        resolution = req.get_param("res") or "5m"
        source = StatsSource(collector, port_id)
        try:
            data = source.fetch(resolution)
        except requests.RequestException as exc:
            raise falcon.HTTPBadGateway(description=str(exc))
        series = data.get("series", [])
        resp.media = {
            "port": port_id,
            "points": len(series),
            "peak_in_mbps": max((p["in"] for p in series), default=0) / 1e6,
            "peak_out_mbps": max((p["out"] for p in series), default=0) / 1e6,
            "raw": data,
        }


class GraphImageResource:
    def on_get(self, req, resp):
        image = req.get_param("img", required=True)
        path = os.path.join(GRAPH_CACHE, image)
        if not os.path.exists(path):
            raise falcon.HTTPNotFound()
        resp.content_type = "image/png"
        resp.stream = open(path, "rb")  # VULN flow
        resp.content_length = os.path.getsize(path)


class HealthResource:
    def on_get(self, req, resp):
        resp.text = json.dumps({"ok": True, "cache": os.path.isdir(GRAPH_CACHE)})


app = falcon.App()
app.add_route("/ports/{port_id}/stats", StatsResource())
app.add_route("/graphs", GraphImageResource())
app.add_route("/health", HealthResource())
