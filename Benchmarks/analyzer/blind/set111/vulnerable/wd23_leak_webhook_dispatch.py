"""Partner webhooks for leak-detection events (acoustic loggers, DMA alarms).

Partners (insurers, large industrial customers, the regulator's feed)
register an HTTPS endpoint and receive signed JSON notifications.
"""
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
import uuid

import requests
from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("leak.webhooks")

HOOKS = {}  # partner_id -> list of hook dicts
PARTNERS = {"acme-insure", "riverside-foods", "regulator-feed"}


def require_partner(partner_id: str) -> None:
    if partner_id not in PARTNERS:
        raise HTTPError(404, "unknown partner")
    expected = os.environ.get("PARTNER_KEY_" + partner_id.upper().replace("-", "_"), "")
    supplied = request.get_header("X-Partner-Key", "")
    if not expected or not hmac.compare_digest(supplied, expected):
        raise HTTPError(401, "bad partner key")


def sign(secret: str, payload: bytes) -> str:
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def deliver(hook: dict, event: dict):
    payload = json.dumps(event, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Leak-Signature": sign(hook["secret"], payload),
        "X-Leak-Event": event["type"],
    }
    resp = requests.post(hook["url"], data=payload, headers=headers, timeout=5)  # VULN flow
    return resp.status_code, resp.text[:2000]


@app.post("/partners/<partner_id>/webhooks")
def register_webhook(partner_id):
    require_partner(partner_id)
    body = request.json or {}
    url = str(body.get("url", "")).strip()
    if not url.startswith(("http://", "https://")):
        raise HTTPError(400, "url must be http(s)")
    hook = {
        "id": uuid.uuid4().hex,
        "url": url,
        "events": body.get("events") or ["leak.detected"],
        "secret": secrets.token_hex(32),
    }
    HOOKS.setdefault(partner_id, []).append(hook)
    response.status = 201
    return {"id": hook["id"], "secret": hook["secret"]}


@app.post("/partners/<partner_id>/webhooks/test")
def test_webhooks(partner_id):
    require_partner(partner_id)
    event = {"type": "leak.test", "dma": "DMA-014", "confidence": 0.5, "ts": time.time()}
    results = []
    for hook in HOOKS.get(partner_id, []):
        try:
            status, body = deliver(hook, event)
        except requests.RequestException as exc:
            status, body = None, str(exc)
        results.append({"id": hook["id"], "url": hook["url"], "status": status, "body": body})
    log.info("sent test event to %d hooks for %r", len(results), partner_id)
    return {"results": results}


def broadcast(event: dict) -> None:
    for partner_id, hooks in HOOKS.items():
        for hook in hooks:
            if event["type"] not in hook["events"]:
                continue
            try:
                deliver(hook, event)
            except requests.RequestException:
                log.exception("delivery to %r failed", partner_id)
