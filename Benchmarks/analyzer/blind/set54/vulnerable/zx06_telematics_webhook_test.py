"""Fleet customer webhook registration for telematics events.

Customers register an HTTPS endpoint that receives geofence, harsh
braking and ignition events. The "test" action sends a sample event
and returns the customer's response so they can debug their receiver.
"""
import json
import logging
import time

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("webhooks")

SAMPLE_EVENT = {
    "type": "ignition_on",
    "vehicle_id": "TEST-0001",
    "odometer_km": 48211.4,
    "lat": 52.3702,
    "lon": 4.8952,
}


class WebhookStore:
    def __init__(self):
        self._hooks = {}

    def put(self, customer_id, hook):
        self._hooks.setdefault(customer_id, {})[hook["name"]] = hook

    def get(self, customer_id, name):
        return self._hooks.get(customer_id, {}).get(name)


STORE = WebhookStore()


def deliver(hook, event):
    payload = dict(event, sent_at=int(time.time()))
    headers = {"Content-Type": "application/json", "X-Fleet-Event": event["type"]}
    headers.update(hook.get("headers") or {})
    resp = requests.post(hook["url"], data=json.dumps(payload), headers=headers, timeout=5)  # VULN flow
    return resp.status_code, resp.text[:2000]


class BaseHandler(tornado.web.RequestHandler):
    def customer_id(self):
        cid = self.request.headers.get("X-Customer-Id")
        if not cid:
            raise tornado.web.HTTPError(401)
        return cid


class RegisterHandler(BaseHandler):
    def post(self):
        body = json.loads(self.request.body or b"{}")
        hook = {
            "name": body.get("name", "default"),
            "url": body["url"],
            "headers": body.get("headers", {}),
        }
        STORE.put(self.customer_id(), hook)
        self.write({"registered": hook["name"]})


class TestHandler(BaseHandler):
    def post(self, name):
        hook = STORE.get(self.customer_id(), name)
        if hook is None:
            raise tornado.web.HTTPError(404)
        try:
            status, body = deliver(hook, SAMPLE_EVENT)
        except requests.RequestException as exc:
            log.warning("webhook test failed: %s", exc.__class__.__name__)
            self.set_status(502)
            self.write({"error": "delivery failed"})
            return
        self.write({"status": status, "response_body": body})


def make_app():
    return tornado.web.Application(
        [
            (r"/webhooks", RegisterHandler),
            (r"/webhooks/([A-Za-z0-9_-]+)/test", TestHandler),
        ]
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
