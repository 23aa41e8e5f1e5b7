"""Bin lookup against the warehouse layout model.

The layout (aisles, racks, bins, robot docking points) is exported from the
WMS as XML and cached here; the pick-robot controller queries it by bin code.
"""
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response
from lxml import etree

LAYOUT_FILE = os.environ.get("WMS_LAYOUT", "/srv/wms/layout.xml")

app = Bottle()
log = logging.getLogger("wms.layout")


class LayoutCache:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = None
        self._tree = None

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree


layout = LayoutCache(LAYOUT_FILE)


def bin_expression():
    expr = "//zone[@id=$zone]//bin[@code=$code]"
    return expr


def find_bin(zone, code):
    expr = bin_expression()
    nodes = layout.tree().xpath(expr, zone=zone, code=code)
    if not nodes:
        return None
    node = nodes[0]
    rack = node.getparent()
    return {
        "zone": zone,
        "code": node.get("code"),
        "rack": rack.get("id") if rack is not None else None,
        "level": int(node.get("level", "0")),
        "x": float(node.get("x", "0")),
        "y": float(node.get("y", "0")),
        "dock": node.get("dock"),
    }


@app.get("/layout/bins/<zone>")
def get_bin(zone):
    code = request.query.get("code", "")
    if not code:
        raise HTTPError(400, "code is required")
    found = find_bin(zone, code)
    if found is None:
        raise HTTPError(404, "no such bin")
    response.content_type = "application/json"
    return found
