"""Door scanning endpoint used by the ushers' handheld scanners.

The audit log is shipped to the venue's SIEM and is what security staff use
when reconciling disputed entries after a show.
"""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, jsonify, request

app = Flask(__name__)
audit = logging.getLogger("door.audit")
handler = logging.FileHandler("/var/log/boxoffice/door-audit.log")
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(handler)
audit.setLevel(logging.INFO)

DB = "/var/lib/boxoffice/tickets.db"


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(DB)
    return g.conn


def lookup(barcode: str):
    return db().execute(
        "SELECT id, holder_name, performance_id, scanned_at FROM tickets WHERE barcode = ?",
        (barcode,),
    ).fetchone()


def mark_scanned(ticket_id: int, door: str) -> None:
    db().execute(
        "UPDATE tickets SET scanned_at = ?, scanned_door = ? WHERE id = ?",
        (datetime.now(timezone.utc).isoformat(), door, ticket_id),
    )
    db().commit()


@app.post("/doors/<door>/scan")
def scan(door: str):
    payload = request.get_json(silent=True) or {}
    barcode = str(payload.get("barcode", ""))
    device = request.headers.get("X-Scanner-Id", "unknown")
    scan_ctx = {"door": door, "device": device, "barcode": barcode}

    row = lookup(barcode)
    if row is None:
        audit.warning("REJECT unknown barcode=%r door=%r device=%r",
                      scan_ctx["barcode"], scan_ctx["door"], scan_ctx["device"])
        return jsonify(result="unknown"), 404

    ticket_id, holder, performance_id, scanned_at = row
    if scanned_at:
        audit.warning("REJECT duplicate ticket=%d first_scan=%s door=%r", ticket_id, scanned_at, door)
        return jsonify(result="duplicate", first_scan=scanned_at), 409

    mark_scanned(ticket_id, door)
    audit.info("ADMIT ticket=%d perf=%s holder=%r via %r", ticket_id, performance_id, holder, device)
    return jsonify(result="admit", holder=holder)
