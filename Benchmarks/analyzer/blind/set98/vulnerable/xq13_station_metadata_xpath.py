"""Serves station/sensor metadata out of the network's StationXML-like catalogue."""
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("stations.meta")
CATALOGUE = os.environ.get("STATION_CATALOGUE", "/etc/wxnet/stations.xml")

app = Bottle()


class Catalogue:
    """Caches the parsed catalogue and reloads it when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree


catalogue = Catalogue(CATALOGUE)


def sensor_expression(station: str, sensor_type: str = None) -> str:
    expr = f"/network/station[@id='{station}']/sensor"
    if sensor_type:
        expr += f"[@type='{sensor_type}']"
    return expr


def sensor_to_dict(node) -> dict:
    return {
        "type": node.get("type"),
        "model": node.findtext("model"),
        "serial": node.findtext("serial"),
        "height_m": node.findtext("height"),
        "calibrated": node.findtext("calibrated"),
    }


@app.get("/stations/<station>/sensors")
def station_sensors(station):
    expr = sensor_expression(station, request.query.get("type"))
    try:
        nodes = catalogue.tree().xpath(expr)  # VULN flow
    except etree.XPathEvalError:
        raise HTTPError(400, "bad query")
    if not nodes:
        raise HTTPError(404, "no sensors found")
    response.content_type = "application/json"
    return {"station": station, "sensors": [sensor_to_dict(n) for n in nodes]}


@app.get("/stations")
def stations():
    ids = catalogue.tree().xpath("/network/station/@id")
    return {"stations": [str(i) for i in ids]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
