"""Live OEE dashboard for the packaging lines, streamed over WebSockets."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
import tornado.websocket

from plant.plc import read_line_counters

logger = logging.getLogger("oee_dashboard")
BASE_DIR = os.path.dirname(os.path.abspath(__file__))
LINES = ("PK-01", "PK-02", "PK-03")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        value = self.get_signed_cookie("operator")
        return value.decode() if value else None


class DashboardHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.render("dashboard.html", lines=LINES, operator=self.current_user)


class MetricsSocket(tornado.websocket.WebSocketHandler):
    clients = set()

    def get_current_user(self):
        value = self.get_signed_cookie("operator")
        return value.decode() if value else None

    def open(self):
        if self.current_user is None:
            self.close(code=4401, reason="login required")
            return
        MetricsSocket.clients.add(self)

    def on_close(self):
        MetricsSocket.clients.discard(self)

    @classmethod
    def broadcast(cls, snapshot):
        payload = json.dumps(snapshot)
        for client in list(cls.clients):
            try:
                client.write_message(payload)
            except tornado.websocket.WebSocketClosedError:
                cls.clients.discard(client)


def poll_plc():
    snapshot = {line: read_line_counters(line) for line in LINES}
    MetricsSocket.broadcast(snapshot)


def make_app():
    settings = {
        "template_path": os.path.join(BASE_DIR, "templates"),
        "static_path": os.path.join(BASE_DIR, "static"),
        "login_url": "https://sso.brightwater-packaging.com/login",
        "xsrf_cookies": True,
    }
    settings["cookie_secret"] = os.environ["OEE_COOKIE_SECRET"]
    settings["debug"] = False
    return tornado.web.Application(
        [(r"/", DashboardHandler), (r"/ws/metrics", MetricsSocket)],
        **settings,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.PeriodicCallback(poll_plc, 2000).start()
    tornado.ioloop.IOLoop.current().start()
