"""Upload endpoint for pump-station configuration files (Tornado).

Integrators upload a YAML file describing pumps, setpoints and alarm
limits; it is validated and stored as JSON for the RTU config builder.
"""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web
import yaml

log = logging.getLogger("station_config")

CONFIG_DIR = os.environ.get("STATION_CONFIG_DIR", "/srv/scada/station_configs")
STATION_RE = re.compile(r"^[A-Z0-9]{2,8}$")
REQUIRED_KEYS = {"station", "pumps", "setpoints", "alarms"}
MAX_UPLOAD = 256 * 1024


def parse_config(raw: bytes) -> dict:
    cfg = yaml.safe_load(raw)
    if not isinstance(cfg, dict):
        raise ValueError("top level must be a mapping")
    missing = REQUIRED_KEYS - cfg.keys()
    if missing:
        raise ValueError(f"missing keys: {', '.join(sorted(missing))}")
    for pump in cfg["pumps"]:
        if float(pump.get("rated_kw", 0)) <= 0:
            raise ValueError(f"pump {pump.get('id')} has no rated_kw")
    return cfg


class StationConfigHandler(tornado.web.RequestHandler):
    def get(self, station):
        if not STATION_RE.match(station):
            raise tornado.web.HTTPError(404)
        path = os.path.join(CONFIG_DIR, f"{station}.json")
        if not os.path.exists(path):
            raise tornado.web.HTTPError(404)
        with open(path, encoding="utf-8") as fh:
            self.write(json.load(fh))

    def put(self, station):
        if not STATION_RE.match(station):
            raise tornado.web.HTTPError(400, "bad station code")
        files = self.request.files.get("config")
        if not files:
            raise tornado.web.HTTPError(400, "config file missing")
        raw = files[0]["body"]
        if len(raw) > MAX_UPLOAD:
            raise tornado.web.HTTPError(413)
        try:
            cfg = parse_config(raw)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            self.set_status(422)
            self.write({"error": str(exc)})
            return
        cfg["station"] = station
        with open(os.path.join(CONFIG_DIR, f"{station}.json"), "w", encoding="utf-8") as fh:
            json.dump(cfg, fh, indent=2, default=str)
        log.info("stored config for %s (%d pumps)", station, len(cfg["pumps"]))
        self.write({"stored": station})


def make_app():
    return tornado.web.Application([(r"/stations/([^/]+)/config", StationConfigHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8871, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
