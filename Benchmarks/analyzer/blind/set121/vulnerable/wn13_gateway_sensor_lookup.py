"""Sensor lookup API on the apiary gateway (Bottle).

The gateway keeps its hive/sensor wiring in an XML config; the field app asks
it which hive a sensor serial belongs to when a beekeeper scans a QR sticker.
"""
import logging
import os

from bottle import Bottle, HTTPError, response
from lxml import etree

CONFIG_PATH = os.environ.get("GATEWAY_CONFIG", "/etc/apiary/gateway.xml")
log = logging.getLogger("gateway.sensors")
app = Bottle()


class GatewayConfig:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    @staticmethod
    def _sensor_dict(node):
        return {
            "serial": node.get("serial"),
            "kind": node.get("kind"),
            "hive": node.getparent().get("name"),
            "channel": node.findtext("channel"),
        }

    def sensor(self, serial: str):
        expr = "//hive/sensor[@serial='%s']" % serial
        nodes = self.tree.xpath(expr)  # VULN flow
        return self._sensor_dict(nodes[0]) if nodes else None

    def sensors_for_hive(self, hive_name: str):
        nodes = self.tree.xpath(f"//hive[@name='{hive_name}']/sensor")  # VULN flow
        return [self._sensor_dict(n) for n in nodes]


config = GatewayConfig(CONFIG_PATH)


@app.get("/sensors/<serial>")
def get_sensor(serial):
    found = config.sensor(serial.strip())
    if found is None:
        raise HTTPError(404, "unknown sensor")
    response.content_type = "application/json"
    return found


@app.get("/hives/<hive_name>/sensors")
def hive_sensors(hive_name):
    sensors = config.sensors_for_hive(hive_name)
    log.info("hive %r has %d sensors", hive_name, len(sensors))
    return {"hive": hive_name, "sensors": sensors}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
