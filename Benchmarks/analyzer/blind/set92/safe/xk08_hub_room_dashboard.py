"""Room dashboard served by the smart-home hub's built-in web server."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

log = logging.getLogger("hub.dashboard")

PAGE = """<!doctype html>
<html><head><title>Home hub</title><link rel="stylesheet" href="/static/hub.css"></head>
<body>{heading}<table class="devices">{rows}</table></body></html>"""


class DeviceRegistry:
    def __init__(self, path):
        with open(path) as fh:
            self._devices = json.load(fh)

    def in_room(self, room):
        return [d for d in self._devices if d.get("room", "").lower() == room.lower()]


def render_row(device):
    state = "on" if device.get("on") else "off"
    return "<tr><td>{}</td><td>{}</td><td class='{}'>{}</td></tr>".format(
        xhtml_escape(device.get("name", "?")),
        xhtml_escape(device.get("type", "")),
        state,
        state,
    )


class RoomHandler(tornado.web.RequestHandler):
    def get(self):
        room = self.get_argument("room", "Living room")
        devices = self.application.registry.in_room(room)
        rows = "".join(render_row(d) for d in devices)
        if not rows:
            rows = "<tr><td colspan='3'>No devices</td></tr>"
        heading = "<h2>Devices in %s (%d)</h2>" % (xhtml_escape(room), len(devices))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(PAGE.format(heading=heading, rows=rows))


class RoomsApiHandler(tornado.web.RequestHandler):
    def get(self):
        room = self.get_argument("room", "Living room")
        self.write({"room": room, "devices": self.application.registry.in_room(room)})


class HubApp(tornado.web.Application):
    def __init__(self, registry):
        self.registry = registry
        super().__init__(
            [(r"/room", RoomHandler), (r"/api/room", RoomsApiHandler)],
            static_path=os.path.join(os.path.dirname(__file__), "static"),
            xsrf_cookies=True,
        )


def main():
    logging.basicConfig(level=logging.INFO)
    registry = DeviceRegistry(os.environ.get("HUB_DEVICES", "/etc/hub/devices.json"))
    app = HubApp(registry)
    app.listen(8123, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
