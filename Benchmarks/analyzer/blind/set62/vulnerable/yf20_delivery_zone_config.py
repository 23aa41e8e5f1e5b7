"""Delivery zone configuration service.

Franchise operators upload a YAML file describing their delivery
polygons, fees and minimum order per zone; dispatch reads the parsed
result from Redis.
"""
import hmac
import json
import logging
import os

import redis
import tornado.ioloop
import tornado.web
import yaml

log = logging.getLogger("zones")
OPERATOR_TOKENS = json.loads(os.environ.get("ZONE_OPERATOR_TOKENS", "{}"))


def parse_zone_config(raw: bytes) -> dict:
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "zones" not in doc:
        raise ValueError("document must contain a 'zones' list")
    zones = []
    for zone in doc["zones"]:
        polygon = [(float(lat), float(lng)) for lat, lng in zone["polygon"]]
        if len(polygon) < 3:
            raise ValueError(f"zone {zone.get('name')!r} needs at least 3 points")
        zones.append({
            "name": str(zone["name"]),
            "polygon": polygon,
            "fee_cents": int(zone.get("fee_cents", 0)),
            "min_order_cents": int(zone.get("min_order_cents", 0)),
            "eta_minutes": int(zone.get("eta_minutes", 35)),
        })
    return {"version": int(doc.get("version", 1)), "zones": zones}


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        store_id = self.path_kwargs.get("store_id")
        token = self.request.headers.get("X-Operator-Token", "")
        expected = OPERATOR_TOKENS.get(store_id, "")
        if not expected or not hmac.compare_digest(token, expected):
            raise tornado.web.HTTPError(403)


class ZoneConfigHandler(BaseHandler):
    def initialize(self, cache: redis.Redis):
        self.cache = cache

    def get(self, store_id):
        raw = self.cache.get(f"zones:{store_id}")
        if raw is None:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "application/json")
        self.write(raw)

    def put(self, store_id):
        body = self.request.body
        if len(body) > 512 * 1024:
            raise tornado.web.HTTPError(413)
        try:
            config = parse_zone_config(body)
        except (yaml.YAMLError, ValueError, KeyError, TypeError) as exc:
            self.set_status(422)
            self.write({"error": str(exc)})
            return
        self.cache.set(f"zones:{store_id}", json.dumps(config))
        log.info("store %s uploaded %d zones", store_id, len(config["zones"]))
        self.write({"ok": True, "zones": len(config["zones"])})


def make_app() -> tornado.web.Application:
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    return tornado.web.Application([
        (r"/stores/(?P<store_id>\d+)/zones", ZoneConfigHandler, {"cache": cache}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
