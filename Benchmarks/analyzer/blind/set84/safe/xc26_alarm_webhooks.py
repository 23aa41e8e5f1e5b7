"""Lets pipeline controllers subscribe external endpoints (chat rooms, paging
services) to alarm notifications from the leak detection system."""
import logging
import sqlite3
import uuid
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("alarm_webhooks")

DB_PATH = "/var/lib/lds/webhooks.db"
SEVERITIES = ("LOW", "MEDIUM", "HIGH", "CRITICAL")
ALLOWED_HOOK_HOSTS = {"hooks.slack.com", "events.pagerduty.com", "ops-chat.pipeline.example"}


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


class Webhook:
    def __init__(self, hook_id, url, min_severity, owner):
        self.id = hook_id
        self.url = url
        self.min_severity = min_severity
        self.owner = owner

    @classmethod
    def from_row(cls, row):
        return cls(row["id"], row["url"], row["min_severity"], row["owner"])


def hook_url_allowed(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme == "https" and parts.hostname in ALLOWED_HOOK_HOSTS
            and parts.port in (None, 443) and not parts.username)


def deliver(hook_url: str, payload: dict) -> int:
    if not hook_url_allowed(hook_url):
        raise requests.RequestException("webhook host not allowed")
    resp = requests.post(hook_url, json=payload, timeout=5, allow_redirects=False)
    return resp.status_code


@app.post("/webhooks")
def register():
    data = request.get_json(force=True)
    url = str(data.get("url", "")).strip()
    severity = data.get("min_severity", "HIGH")
    if not hook_url_allowed(url) or severity not in SEVERITIES:
        abort(400, description="url must be an approved https endpoint and severity valid")
    try:
        status = deliver(url, {"type": "ping", "source": "lds"})
    except requests.RequestException:
        abort(422, description="endpoint did not answer")
    hook = Webhook(str(uuid.uuid4()), url, severity, data.get("owner", "unknown"))
    db().execute("INSERT INTO webhooks (id, url, min_severity, owner) VALUES (?, ?, ?, ?)",
                 (hook.id, hook.url, hook.min_severity, hook.owner))
    db().commit()
    return jsonify(id=hook.id, ping_status=status), 201


@app.get("/webhooks/<hook_id>/preview")
def preview(hook_id):
    row = db().execute("SELECT * FROM webhooks WHERE id = ?", (hook_id,)).fetchone()
    if row is None:
        abort(404)
    hook = Webhook.from_row(row)
    if not hook_url_allowed(hook.url):
        abort(409, description="stored webhook no longer on the approved list")
    r = requests.get(hook.url, timeout=5, allow_redirects=False)
    return jsonify(status=r.status_code, body=r.text[:2000])


@app.post("/alarms/dispatch")
def dispatch():
    alarm = request.get_json(force=True)
    level = SEVERITIES.index(alarm.get("severity", "HIGH"))
    sent = 0
    for row in db().execute("SELECT * FROM webhooks"):
        hook = Webhook.from_row(row)
        if SEVERITIES.index(hook.min_severity) <= level:
            try:
                deliver(hook.url, alarm)
                sent += 1
            except requests.RequestException as exc:
                log.warning("delivery to hook %s failed: %r", hook.id, exc)
    return jsonify(sent=sent)
