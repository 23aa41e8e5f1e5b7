"""Webhook receiver for the hire fleet telematics provider.

The provider pushes engine-hour, location and fault events for every
machine on hire; we use them for usage-based billing and service alerts.
"""
import hashlib
import hmac
import json
import logging
import os
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("fleet.telematics")

DB_PATH = "/var/lib/fleet/fleet.db"
WEBHOOK_SECRET = os.environ["TELEMATICS_WEBHOOK_SECRET"]
SERVICE_INTERVAL_HOURS = 500


def expected_signature(body: bytes) -> str:
    return hmac.new(WEBHOOK_SECRET.encode("utf-8"), body, hashlib.sha256).hexdigest()


def record_event(con: sqlite3.Connection, event: dict) -> None:
    con.execute(
        "INSERT INTO telematics_events (asset_id, kind, engine_hours, lat, lon, received_at) "
        "VALUES (?, ?, ?, ?, ?, datetime('now'))",
        (event["asset_id"], event["kind"], event.get("engine_hours"),
         event.get("lat"), event.get("lon")),
    )
    if event.get("engine_hours") is not None:
        con.execute("UPDATE assets SET engine_hours = ? WHERE id = ?",
                    (float(event["engine_hours"]), event["asset_id"]))


def service_due(con: sqlite3.Connection, asset_id: str) -> bool:
    row = con.execute("SELECT engine_hours, last_service_hours FROM assets WHERE id = ?",
                      (asset_id,)).fetchone()
    return bool(row) and (row[0] or 0) - (row[1] or 0) >= SERVICE_INTERVAL_HOURS


@app.route("/webhooks/telematics", methods=["POST"])
def telematics_webhook():
    body = request.get_data()
    signature = request.headers.get("X-Telematics-Signature", "")
    if not hmac.compare_digest(expected_signature(body), signature):
        abort(401)
    try:
        events = json.loads(body)["events"]
    except (ValueError, KeyError):
        abort(400)
    alerts = []
    with sqlite3.connect(DB_PATH) as con:
        for event in events:
            record_event(con, event)
            if service_due(con, event["asset_id"]):
                alerts.append(event["asset_id"])
    if alerts:
        log.warning("service due on %d assets: %r", len(alerts), alerts)
    return jsonify({"accepted": len(events), "service_due": alerts})
