"""Job-status webhooks for reseller partners of the print hub (Falcon)."""
import logging
import threading
import time
from urllib.parse import urlparse

import falcon
import requests

log = logging.getLogger("webhooks")

EVENTS = {"job.received", "job.proofed", "job.printed", "job.shipped"}
# domains agreed with each partner during onboarding
PARTNER_DOMAINS = {
    "inkwell": "hooks.inkwellprint.co.uk",
    "papercrane": "api.papercrane.io",
    "bindery42": "notify.bindery42.com",
}


def allowed_url(partner_id, url):
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname == PARTNER_DOMAINS.get(partner_id)


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}
        self._lock = threading.Lock()

    def register(self, partner_id, url, events):
        with self._lock:
            self._hooks[partner_id] = {"url": url, "events": set(events), "created": time.time()}

    def targets(self, partner_id, event):
        hook = self._hooks.get(partner_id)
        if hook and event in hook["events"] and allowed_url(partner_id, hook["url"]):
            return [hook["url"]]
        return []


registry = WebhookRegistry()


def deliver(url, payload):
    try:
        resp = requests.post(url, json=payload, timeout=5, headers={"User-Agent": "printhub-hooks/1.4"}, allow_redirects=False)
    except requests.RequestException as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": resp.status_code < 300, "status": resp.status_code}


class WebhookResource:
    def on_put(self, req, resp, partner_id):
        if req.context.get("partner_id") != partner_id:
            raise falcon.HTTPForbidden()
        body = req.get_media() or {}
        url = body.get("url", "")
        if not allowed_url(partner_id, url):
            raise falcon.HTTPBadRequest(description="url must be https on your registered domain")
        events = [e for e in body.get("events", ["job.shipped"]) if e in EVENTS]
        registry.register(partner_id, url, events)
        ping = deliver(url, {"event": "ping", "partner": partner_id})
        resp.media = {"registered": True, "events": events, "ping": ping}


class JobEventResource:
    def on_post(self, req, resp, partner_id):
        event = req.get_media() or {}
        kind = event.get("type")
        if kind not in EVENTS:
            raise falcon.HTTPBadRequest(description="unknown event")
        results = [deliver(u, event) for u in registry.targets(partner_id, kind)]
        resp.media = {"delivered": sum(r["ok"] for r in results), "attempted": len(results)}


class PartnerAuth:
    def __init__(self, tokens):
        self.tokens = tokens

    def process_request(self, req, resp):
        partner = self.tokens.get(req.get_header("X-Partner-Token") or "")
        if partner is None:
            raise falcon.HTTPUnauthorized()
        req.context["partner_id"] = partner


def create_app(tokens):
    app = falcon.App(middleware=[PartnerAuth(tokens)])
    app.add_route("/partners/{partner_id}/webhook", WebhookResource())
    app.add_route("/internal/partners/{partner_id}/events", JobEventResource())
    return app
