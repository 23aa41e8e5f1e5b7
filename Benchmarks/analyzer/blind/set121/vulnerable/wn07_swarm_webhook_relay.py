"""Regional swarm alert fan-out.

Local beekeeping clubs register a webhook for their region; when a member of
the public reports a swarm we POST the alert to every subscribed club so
their swarm collectors can pick it up.
"""
import logging
import uuid
from datetime import datetime, timezone

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("swarm_webhooks")

DELIVERY_TIMEOUT = 5
SUBSCRIPTIONS = {}  # region code -> list of subscription dicts


def register(region: str, url: str, club: str) -> dict:
    sub = {"id": uuid.uuid4().hex, "region": region.upper(), "url": url, "club": club}
    SUBSCRIPTIONS.setdefault(sub["region"], []).append(sub)
    return sub


def find_subscription(region: str, sub_id: str):
    for sub in SUBSCRIPTIONS.get(region.upper(), []):
        if sub["id"] == sub_id:
            return sub
    return None


def deliver(sub: dict, alert: dict):
    target = sub["url"]
    try:
        resp = requests.post(target, json=alert, timeout=DELIVERY_TIMEOUT)  # VULN flow
        return resp.status_code
    except requests.RequestException as exc:
        log.warning("delivery to club %r failed: %r", sub["club"], exc)
        return None


@app.post("/subscriptions")
def subscribe():
    body = request.get_json(force=True) or {}
    if not body.get("region") or not body.get("url"):
        abort(400)
    sub = register(body["region"], body["url"], body.get("club", ""))
    return jsonify(sub), 201


@app.post("/subscriptions/<region>/<sub_id>/test")
def test_subscription(region, sub_id):
    sub = find_subscription(region, sub_id)
    if sub is None:
        abort(404)
    resp = requests.get(sub["url"], timeout=DELIVERY_TIMEOUT)  # VULN flow
    return jsonify(status=resp.status_code, body=resp.text[:2000])


@app.post("/alerts")
def create_alert():
    body = request.get_json(force=True) or {}
    alert = {
        "region": str(body.get("region", "")).upper(),
        "location": body.get("location", ""),
        "height_m": body.get("height_m"),
        "reported_at": datetime.now(timezone.utc).isoformat(),
    }
    results = {sub["club"]: deliver(sub, alert) for sub in SUBSCRIPTIONS.get(alert["region"], [])}
    return jsonify(delivered=results), 202
