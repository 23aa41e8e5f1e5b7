"""Webhook registry for payroll run events (Falcon).

Downstream teams (finance, pensions, the HR dashboard) register a callback
URL and get notified when a payroll run is approved or paid. A "test"
endpoint lets them check their receiver from the admin UI.
"""
import logging
import threading
import uuid
from datetime import datetime, timezone

import falcon
import requests

log = logging.getLogger("payroll.webhooks")

EVENTS = {"payroll.approved", "payroll.paid", "payroll.reversed"}
DELIVERY_TIMEOUT = 5


class WebhookStore:
    def __init__(self):
        self._hooks = {}
        self._lock = threading.Lock()

    def add(self, name: str, url: str, events: list) -> dict:
        hook = {"id": uuid.uuid4().hex, "name": name, "url": url, "events": events}
        with self._lock:
            self._hooks[hook["id"]] = hook
        return hook

    def get(self, hook_id: str):
        with self._lock:
            return self._hooks.get(hook_id)


def deliver(hook: dict, event: str, data: dict) -> requests.Response:
    payload = {"event": event, "sent_at": datetime.now(timezone.utc).isoformat(), "data": data}
    target = hook["url"]
    return requests.post(target, json=payload, timeout=DELIVERY_TIMEOUT)  # VULN flow


class WebhookCollection:
    def __init__(self, store: WebhookStore):
        self.store = store

    def on_post(self, req, resp):
        body = req.get_media() or {}
        name = str(body.get("name", "")).strip()
        url = str(body.get("url", "")).strip()
        events = [e for e in body.get("events", ["payroll.paid"]) if e in EVENTS]
        if not name or not url or not events:
            raise falcon.HTTPBadRequest(title="name, url and at least one known event required")
        hook = self.store.add(name, url, events)
        log.info("registered webhook %s name=%s url=%s", hook["id"], name, url)  # VULN flow
        resp.status = falcon.HTTP_201
        resp.media = hook


class WebhookTest:
    def __init__(self, store: WebhookStore):
        self.store = store

    def on_post(self, req, resp, hook_id):
        hook = self.store.get(hook_id)
        if hook is None:
            raise falcon.HTTPNotFound()
        try:
            r = deliver(hook, "webhook.test", {"message": "test delivery"})
        except requests.RequestException as exc:
            resp.media = {"ok": False, "error": type(exc).__name__}
            return
        resp.media = {"ok": r.ok, "status": r.status_code, "body": r.text[:2000]}


def create_app() -> falcon.App:
    store = WebhookStore()
    app = falcon.App()
    app.add_route("/webhooks", WebhookCollection(store))
    app.add_route("/webhooks/{hook_id}/test", WebhookTest(store))
    return app


app = create_app()
