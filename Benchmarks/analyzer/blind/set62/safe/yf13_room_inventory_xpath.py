"""Room availability lookups against the nightly PMS inventory export.

The PMS drops ``inventory.xml`` every few minutes; the tablet app used
by the front desk queries it through this small Falcon service.
"""
import logging
import os
import threading
import time

import falcon
from lxml import etree

log = logging.getLogger("rooms.inventory")
INVENTORY_PATH = os.environ.get("PMS_INVENTORY_XML", "/srv/pms/export/inventory.xml")
RELOAD_SECONDS = 120


class InventoryCache:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    def tree(self):
        with self._lock:
            if self._tree is None or time.time() - self._loaded_at > RELOAD_SECONDS:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._loaded_at = time.time()
            return self._tree


def build_query(filters: dict) -> tuple:
    conditions = ["@status='vacant_clean'"]
    variables = {}
    if filters.get("type"):
        conditions.append("@type=$room_type")
        variables["room_type"] = filters["type"]
    if filters.get("view"):
        conditions.append("features/feature[@name='view']=$view")
        variables["view"] = filters["view"]
    if filters.get("floor"):
        conditions.append(f"@floor={int(filters['floor'])}")
    return "/inventory/room[" + " and ".join(conditions) + "]", variables


class AvailableRooms:
    def __init__(self, cache: InventoryCache):
        self.cache = cache

    def on_get(self, req, resp):
        filters = {
            "type": req.get_param("type"),
            "view": req.get_param("view"),
            "floor": req.get_param("floor"),
        }
        try:
            expr, variables = build_query(filters)
        except ValueError:
            raise falcon.HTTPBadRequest(title="floor must be a number")
        nodes = self.cache.tree().xpath(expr, **variables)
        resp.media = {
            "rooms": [
                {"number": n.get("number"), "type": n.get("type"), "floor": n.get("floor"),
                 "rate_code": n.findtext("rate_code")}
                for n in nodes
            ]
        }


app = falcon.App()
app.add_route("/rooms/available", AvailableRooms(InventoryCache(INVENTORY_PATH)))
