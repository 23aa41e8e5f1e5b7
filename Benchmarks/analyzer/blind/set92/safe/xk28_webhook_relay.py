"""Relay hub events (door unlocked, motion, alarm) to user-configured webhooks.

Users register a URL per home in the app; the relay posts matching events
to it as they arrive from the event bus.
"""
import ipaddress
import logging
import socket
import time
from typing import Dict, List
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

EVENT_TYPES = {"door.unlocked", "door.locked", "motion", "alarm.triggered", "camera.person"}
WEBHOOKS: Dict[str, List[dict]] = {}
DELIVERY_TIMEOUT = 5


def _public_destination(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


def register(home_id: str, url: str, events: List[str]) -> dict:
    hook = {"url": url, "events": [e for e in events if e in EVENT_TYPES],
            "created": time.time(), "failures": 0}
    WEBHOOKS.setdefault(home_id, []).append(hook)
    return hook


def deliver(home_id: str, event: dict) -> int:
    delivered = 0
    for hook in WEBHOOKS.get(home_id, []):
        if event["type"] not in hook["events"]:
            continue
        target = hook["url"]
        if not _public_destination(target):
            hook["failures"] += 1
            continue
        try:
            resp = requests.post(target, json=event, timeout=DELIVERY_TIMEOUT,
                                 allow_redirects=False)
            resp.raise_for_status()
            delivered += 1
        except requests.RequestException:
            hook["failures"] += 1
    return delivered


@app.post("/homes/<home_id>/webhooks")
def add_webhook(home_id):
    body = request.get_json(force=True) or {}
    url = str(body.get("url", "")).strip()
    if not _public_destination(url):
        return jsonify(error="url must be a public https endpoint"), 400
    hook = register(home_id, url, list(body.get("events", [])))
    log.info("webhook registered for home %r -> %r", home_id, url)
    return jsonify(url=hook["url"], events=hook["events"]), 201


@app.post("/internal/events")
def ingest_event():
    event = request.get_json(force=True) or {}
    home_id = event.get("home")
    if event.get("type") not in EVENT_TYPES or not home_id:
        return jsonify(error="bad event"), 400
    event.setdefault("ts", time.time())
    count = deliver(home_id, event)
    return jsonify(delivered=count)
