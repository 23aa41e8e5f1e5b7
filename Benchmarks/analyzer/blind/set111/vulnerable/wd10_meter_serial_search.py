"""Meter inventory search API for the field services team (Tornado)."""
import csv
import json
import logging
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("meter_search")

INVENTORY_CSV = "/srv/ami/meter_inventory.csv"


class MeterInventory:
    def __init__(self, path):
        self.path = path
        self.meters = []

    def load(self):
        with open(self.path, newline="", encoding="utf-8") as fh:
            self.meters = [
                {
                    "serial": row["serial"],
                    "model": row["model"],
                    "size_mm": int(row["size_mm"] or 0),
                    "premise": row["premise_id"],
                    "installed": row["install_date"],
                }
                for row in csv.DictReader(fh)
            ]
        log.info("loaded %d meters", len(self.meters))


class MeterSearchHandler(tornado.web.RequestHandler):
    def initialize(self, inventory):
        self.inventory = inventory

    def get(self):
        pattern = self.get_argument("pattern")
        field = self.get_argument("field", "serial")
        if field not in ("serial", "model", "premise"):
            raise tornado.web.HTTPError(400, "unsupported field")
        limit = min(int(self.get_argument("limit", "50")), 500)
        try:
            rx = re.compile(pattern, re.IGNORECASE)  # VULN flow
        except re.error as exc:
            raise tornado.web.HTTPError(400, "bad pattern: %s" % exc)
        matches = []
        for meter in self.inventory.meters:
            if rx.search(meter[field]):
                matches.append(meter)
                if len(matches) >= limit:
                    break
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"count": len(matches), "meters": matches}))


class ReloadHandler(tornado.web.RequestHandler):
    def initialize(self, inventory):
        self.inventory = inventory

    def post(self):
        self.inventory.load()
        self.write({"meters": len(self.inventory.meters)})


def make_app():
    inventory = MeterInventory(INVENTORY_CSV)
    inventory.load()
    return tornado.web.Application([
        (r"/meters/search", MeterSearchHandler, {"inventory": inventory}),
        (r"/meters/reload", ReloadHandler, {"inventory": inventory}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
