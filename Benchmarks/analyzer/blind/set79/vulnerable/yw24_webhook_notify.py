"""Incident notification fan-out service.

Teams register a webhook for the incident categories they own; when the
ticket bot raises an incident we POST a signed JSON event to each hook.
"""
import hashlib
import hmac
import json
import logging
import time

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("notify")


class Webhook:
    def __init__(self, name: str, url: str, secret: str, categories: list):
        self.name = name
        self.url = url
        self.secret = secret
        self.categories = set(categories)


class WebhookRegistry:
    def __init__(self):
        self.hooks = {}

    def add(self, hook: Webhook) -> None:
        self.hooks[hook.name] = hook

    def for_category(self, category: str) -> list:
        return [h for h in self.hooks.values() if category in h.categories or "*" in h.categories]


REGISTRY = WebhookRegistry()


def deliver(hook: Webhook, event: dict) -> tuple:
    payload = json.dumps(event, sort_keys=True)
    sig = hmac.new(hook.secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Signature-256": f"sha256={sig}"}
    try:
        resp = requests.post(hook.url, data=payload, headers=headers, timeout=5)  # VULN flow
    except requests.RequestException as exc:
        return False, f"error: {type(exc).__name__}"
    return resp.ok, f"{resp.status_code} {resp.text[:200]}"


class RegisterHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body)
            hook = Webhook(body["name"], body["url"], body.get("secret", ""), body.get("categories", ["*"]))
        except (ValueError, KeyError):
            raise tornado.web.HTTPError(400, "name and url are required")
        REGISTRY.add(hook)
        ok, detail = deliver(hook, {"type": "test", "ts": int(time.time())})
        self.write({"registered": hook.name, "test_delivery_ok": ok, "detail": detail})


class IncidentHandler(tornado.web.RequestHandler):
    def post(self):
        incident = json.loads(self.request.body)
        category = incident.get("category", "general")
        results = {}
        for hook in REGISTRY.for_category(category):
            ok, _ = deliver(hook, {"type": "incident", "incident": incident})
            results[hook.name] = ok
        self.write({"delivered": results})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/hooks", RegisterHandler),
        (r"/incidents", IncidentHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
