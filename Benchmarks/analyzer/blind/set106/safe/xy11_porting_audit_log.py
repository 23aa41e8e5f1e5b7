"""Inter-operator number portability callback endpoint.

The national porting clearinghouse calls this endpoint whenever a donor
operator accepts, rejects or schedules one of our port-in orders. Every
callback is written to the porting audit log that regulators can request.
"""
import json
import logging
import logging.handlers

import tornado.ioloop
import tornado.web

audit = logging.getLogger("porting.audit")
audit.setLevel(logging.INFO)
_handler = logging.handlers.WatchedFileHandler("/var/log/porting/audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
audit.addHandler(_handler)

VALID_STATES = {"ACCEPTED", "REJECTED", "SCHEDULED", "COMPLETED"}


class PortOrderStore:
    def __init__(self):
        self._orders = {}

    def update(self, order_id, state, when=None):
        self._orders[order_id] = {"state": state, "window": when}
        return self._orders[order_id]


class PortCallbackHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def post(self, order_id):
        try:
            payload = json.loads(self.request.body)
        except ValueError:
            raise tornado.web.HTTPError(400, "body must be JSON")

        state = str(payload.get("state", "")).upper()
        donor = payload.get("donor_operator", "")
        reason = payload.get("reason", "")
        if state not in VALID_STATES:
            raise tornado.web.HTTPError(422, "unknown state")

        record = self.store.update(order_id, state, payload.get("porting_window"))
        audit.info("order=%s donor=%r state=%s reason=%r", order_id, donor, state, reason)
        self.write({"order_id": order_id, "state": record["state"]})


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"ok": True})


def make_app():
    store = PortOrderStore()
    return tornado.web.Application([
        (r"/clearinghouse/orders/([A-Za-z0-9-]+)/callback", PortCallbackHandler, {"store": store}),
        (r"/health", HealthHandler),
    ])


if __name__ == "__main__":
    make_app().listen(8443, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
