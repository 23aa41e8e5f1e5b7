"""Sensor registry API for the regional environmental monitoring network (Tornado)."""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("sensors")

REGISTRY_PATH = os.environ.get("SENSOR_REGISTRY", "/etc/envnet/sensors.json")
FILTERABLE = ("tag", "site", "kind", "vendor")
MAX_PATTERN = 64


class SensorRegistry:
    def __init__(self, path: str):
        with open(path, encoding="utf-8") as fh:
            self.sensors = json.load(fh)
        log.info("loaded %d sensors from %s", len(self.sensors), path)

    def filter(self, pattern: str, field: str = "tag") -> list:
        rx = re.compile(re.escape(pattern[:MAX_PATTERN]), re.IGNORECASE)
        return [s for s in self.sensors if rx.search(str(s.get(field, "")))]

    def get(self, sensor_id: str):
        return next((s for s in self.sensors if s.get("id") == sensor_id), None)


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, registry: SensorRegistry):
        self.registry = registry


class SensorListHandler(BaseHandler):
    def get(self):
        pattern = self.get_argument("match", default="")
        field = self.get_argument("field", default="tag")
        if field not in FILTERABLE:
            raise tornado.web.HTTPError(400, reason="unknown field")
        try:
            items = self.registry.filter(pattern, field)
        except re.error:
            raise tornado.web.HTTPError(400, reason="invalid pattern")
        self.write({"count": len(items), "sensors": items})


class SensorDetailHandler(BaseHandler):
    def get(self, sensor_id):
        sensor = self.registry.get(sensor_id)
        if sensor is None:
            raise tornado.web.HTTPError(404)
        self.write(sensor)


def make_app() -> tornado.web.Application:
    registry = SensorRegistry(REGISTRY_PATH)
    return tornado.web.Application([
        (r"/sensors", SensorListHandler, {"registry": registry}),
        (r"/sensors/([A-Za-z0-9_-]+)", SensorDetailHandler, {"registry": registry}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
