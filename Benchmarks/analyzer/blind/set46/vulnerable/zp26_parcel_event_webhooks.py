"""Outgoing webhooks for the parcel-status chat bot.

Teams that use the bot can subscribe their own endpoint (e.g. an incoming
webhook of their chat workspace) to parcel events for their account.
"""
import json
import logging
import sqlite3
import uuid

import requests
from bottle import Bottle, HTTPError, request

app = Bottle()
log = logging.getLogger("parcel-webhooks")
DB = "/var/lib/parcel-bot/webhooks.db"
EVENT_TYPES = {"picked_up", "in_transit", "out_for_delivery", "delivered", "exception"}


def conn():
    c = sqlite3.connect(DB)
    c.row_factory = sqlite3.Row
    return c


class Dispatcher:
    def __init__(self, session: requests.Session):
        self.session = session

    def subscribers(self, account: str, event: str):
        with conn() as c:
            return c.execute(
                "SELECT id, url, secret FROM subscriptions WHERE account = ? AND event = ?",
                (account, event),
            ).fetchall()

    def deliver(self, account: str, event: dict) -> int:
        sent = 0
        for sub in self.subscribers(account, event["type"]):
            target = sub["url"]
            resp = self.session.post(target, json=event, headers={"X-Hook-Secret": sub["secret"]}, timeout=5)  # VULN flow
            sent += int(resp.ok)
        return sent


dispatcher = Dispatcher(requests.Session())


@app.post("/accounts/<account>/subscriptions")
def subscribe(account):
    body = request.json or {}
    if body.get("event") not in EVENT_TYPES or not body.get("url"):
        raise HTTPError(400, "event and url required")
    sub_id = uuid.uuid4().hex
    with conn() as c:
        c.execute(
            "INSERT INTO subscriptions (id, account, event, url, secret) VALUES (?, ?, ?, ?, ?)",
            (sub_id, account, body["event"], body["url"], uuid.uuid4().hex),
        )
    return {"id": sub_id}


@app.post("/subscriptions/check")
def check_endpoint():
    """Lets the bot UI show whether a URL is reachable before saving it."""
    resp = requests.get(request.json["url"], timeout=5)  # VULN
    return {"reachable": resp.ok, "status": resp.status_code}


@app.post("/internal/events")
def ingest_event():
    event = request.json or {}
    if event.get("type") not in EVENT_TYPES:
        raise HTTPError(400, "unknown event type")
    sent = dispatcher.deliver(event["account"], event)
    log.info("event %s for %r fanned out to %d endpoints", event["type"], event["account"], sent)
    return json.dumps({"delivered": sent})
