"""Station configuration service.

Field technicians upload a YAML config for a station (sensor list, sampling
intervals, calibration offsets); loggers pull the JSON rendering on boot.
"""
import hmac
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web
import yaml

log = logging.getLogger("stations.config")
CONFIG_DIR = os.environ.get("STATION_CONFIG_DIR", "/var/lib/wxnet/configs")
STATION_RE = re.compile(r"^[A-Z0-9]{3,8}$")
REQUIRED = ("station", "sensors", "interval_s")


def validate(cfg) -> list:
    errors = []
    if not isinstance(cfg, dict):
        return ["document must be a mapping"]
    for key in REQUIRED:
        if key not in cfg:
            errors.append(f"missing key: {key}")
    if not isinstance(cfg.get("sensors", []), list):
        errors.append("sensors must be a list")
    interval = cfg.get("interval_s", 60)
    if not isinstance(interval, int) or not 10 <= interval <= 3600:
        errors.append("interval_s must be an integer between 10 and 3600")
    return errors


class StationConfigHandler(tornado.web.RequestHandler):
    def _path(self, station_id: str) -> str:
        if not STATION_RE.match(station_id):
            raise tornado.web.HTTPError(400, "bad station id")
        return os.path.join(CONFIG_DIR, f"{station_id}.json")

    def get(self, station_id):
        path = self._path(station_id)
        if not os.path.exists(path):
            raise tornado.web.HTTPError(404)
        with open(path) as fh:
            self.set_header("Content-Type", "application/json")
            self.write(fh.read())

    def put(self, station_id):
        path = self._path(station_id)
        expected = os.environ.get("TECH_UPLOAD_TOKEN", "")
        supplied = self.request.headers.get("X-Tech-Token", "")
        if not expected or not hmac.compare_digest(supplied, expected):
            raise tornado.web.HTTPError(403)
        try:
            cfg = yaml.safe_load(self.request.body)
        except yaml.YAMLError as exc:
            raise tornado.web.HTTPError(400, f"invalid YAML: {exc}")
        errors = validate(cfg)
        if errors:
            self.set_status(422)
            self.write({"errors": errors})
            return
        cfg["station"] = station_id
        with open(path, "w") as fh:
            json.dump(cfg, fh, indent=2, default=str)
        log.info("stored config for %s (%d sensors)", station_id, len(cfg["sensors"]))
        self.write({"ok": True})


def make_app():
    return tornado.web.Application([(r"/stations/([^/]+)/config", StationConfigHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8088, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
