"""Trial sites subscribe callback URLs to randomisation / SAE events."""
import logging
import os
import threading
import uuid
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

EVENT_TYPES = {"randomised", "sae_reported", "query_raised", "visit_overdue"}
# site_id -> registered institutional domain, loaded from the site master list
SITE_DOMAINS = dict(
    item.split("=", 1) for item in os.environ.get("SITE_DOMAINS", "").split(",") if "=" in item
)


class SiteSubscription:
    def __init__(self, site_id, callback_url, events):
        self.id = uuid.uuid4().hex
        self.site_id = site_id
        self.callback_url = callback_url
        self.events = set(events) & EVENT_TYPES


class SubscriptionRegistry:
    def __init__(self):
        self._subs = {}
        self._lock = threading.Lock()

    def add(self, sub):
        with self._lock:
            self._subs.setdefault(sub.site_id, []).append(sub)

    def for_event(self, site_id, event_type):
        with self._lock:
            return [s for s in self._subs.get(site_id, []) if event_type in s.events]


registry = SubscriptionRegistry()


def _callback_allowed(site_id, url):
    domain = SITE_DOMAINS.get(site_id)
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if not domain or parsed.scheme != "https" or parsed.port not in (None, 443):
        return False
    return host == domain or host.endswith("." + domain)


def _ping(sub):
    resp = requests.post(sub.callback_url, json={"type": "ping", "site": sub.site_id}, timeout=5, allow_redirects=False)
    return resp.status_code, resp.text[:500]


def dispatch(site_id, event_type, payload):
    for sub in registry.for_event(site_id, event_type):
        try:
            requests.post(sub.callback_url, json={"type": event_type, "data": payload}, timeout=10, allow_redirects=False)
        except requests.RequestException as exc:
            log.warning("delivery to subscription %s failed: %r", sub.id, exc)


@app.post("/sites/<site_id>/subscriptions")
def subscribe(site_id):
    body = request.get_json(force=True) or {}
    sub = SiteSubscription(site_id, str(body.get("callback_url", "")), body.get("events", ["randomised"]))
    if not _callback_allowed(site_id, sub.callback_url):
        return jsonify(error="callback_url must be https on the site's registered domain"), 400
    try:
        status, preview = _ping(sub)
    except requests.RequestException as exc:
        return jsonify(error=f"callback unreachable: {exc}"), 422
    registry.add(sub)
    return jsonify(id=sub.id, site=site_id, ping_status=status, ping_response=preview), 201


@app.post("/internal/events/<site_id>/<event_type>")
def emit(site_id, event_type):
    if event_type not in EVENT_TYPES:
        return jsonify(error="unknown event"), 404
    dispatch(site_id, event_type, request.get_json(force=True) or {})
    return "", 202
