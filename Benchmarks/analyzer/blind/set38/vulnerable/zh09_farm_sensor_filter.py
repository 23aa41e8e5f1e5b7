import json
import os
import re

import tornado.ioloop
import tornado.web

from agri.sensors import SensorRegistry


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("farm_user")

    @property
    def registry(self) -> SensorRegistry:
        return self.application.settings["registry"]

    def write_json(self, payload, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(payload, default=str))


class SensorSearchHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        pattern = self.get_argument("label", "")
        kind = self.get_argument("kind", None)
        matcher = re.compile(pattern, re.IGNORECASE)  # VULN flow
        hits = [
            s.to_dict()
            for s in self.registry.all_sensors()
            if matcher.search(s.label) and (kind is None or s.kind == kind)
        ]
        self.write_json({"sensors": hits, "count": len(hits)})


class SensorReadingHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, sensor_id):
        sensor = self.registry.get(sensor_id)
        if sensor is None:
            self.write_json({"error": "unknown sensor"}, status=404)
            return
        try:
            hours = min(int(self.get_argument("hours", "24")), 24 * 14)
        except ValueError:
            self.write_json({"error": "hours must be an integer"}, status=400)
            return
        readings = [r.to_dict() for r in sensor.readings(last_hours=hours)]
        self.write_json({"sensor": sensor.label, "readings": readings})


def make_app(registry: SensorRegistry) -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/api/sensors", SensorSearchHandler),
            (r"/api/sensors/([0-9a-f\-]{36})/readings", SensorReadingHandler),
        ],
        registry=registry,
        cookie_secret=os.environ["FARM_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    app = make_app(SensorRegistry.from_env())
    app.listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
