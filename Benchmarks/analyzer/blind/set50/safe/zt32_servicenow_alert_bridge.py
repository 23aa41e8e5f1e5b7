"""Opens and updates ServiceNow incidents for firing Alertmanager alerts."""
import hmac
import logging
import os

import requests
from flask import Flask, abort, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
log = logging.getLogger("snow-bridge")

SNOW_INSTANCE = os.environ.get("SNOW_INSTANCE", "https://corpnet.service-now.com")
SNOW_USER = os.environ.get("SNOW_USER", "svc_noc_integration")
SNOW_PASSWORD = os.environ["SNOW_PASSWORD"]
HOOK_TOKEN = os.environ.get("BRIDGE_HOOK_TOKEN", "")
engine = create_engine(os.environ.get("BRIDGE_DB_URL", "sqlite:////var/lib/snow-bridge/links.db"))


def find_incident(conn, fingerprint: str):
    query = text("SELECT sys_id FROM incident_links WHERE fingerprint = :fp")
    row = conn.execute(query, {"fp": fingerprint}).fetchone()
    return row[0] if row else None


def link_incident(conn, fingerprint: str, sys_id: str) -> None:
    conn.execute(text("INSERT INTO incident_links (fingerprint, sys_id) VALUES (:fp, :sid)"),
                 {"fp": fingerprint, "sid": sys_id})


def open_incident(alert: dict) -> str:
    labels = alert.get("labels", {})
    payload = {
        "short_description": f"[{labels.get('severity', 'warning')}] {labels.get('alertname', 'alert')}",
        "description": alert.get("annotations", {}).get("description", ""),
        "cmdb_ci": labels.get("instance", ""),
        "assignment_group": "Network Operations",
    }
    r = requests.post(f"{SNOW_INSTANCE}/api/now/table/incident", auth=(SNOW_USER, SNOW_PASSWORD), json=payload, timeout=15)
    r.raise_for_status()
    return r.json()["result"]["sys_id"]


def add_work_note(sys_id: str, note: str) -> None:
    r = requests.patch(f"{SNOW_INSTANCE}/api/now/table/incident/{sys_id}",
                       auth=(SNOW_USER, SNOW_PASSWORD), json={"work_notes": note}, timeout=15)
    r.raise_for_status()


@app.post("/alertmanager")
def alertmanager_hook():
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not HOOK_TOKEN or not hmac.compare_digest(supplied, HOOK_TOKEN):
        abort(401)
    data = request.get_json(force=True)
    handled = 0
    for alert in data.get("alerts", []):
        fingerprint = alert.get("fingerprint") or alert.get("labels", {}).get("alertname", "")
        with engine.begin() as conn:
            sys_id = find_incident(conn, fingerprint)
            if alert.get("status") == "firing" and sys_id is None:
                link_incident(conn, fingerprint, open_incident(alert))
            elif sys_id is not None:
                add_work_note(sys_id, f"Alertmanager status: {alert.get('status')}")
        handled += 1
    log.info("processed %d alert(s)", handled)
    return jsonify(handled=handled)
