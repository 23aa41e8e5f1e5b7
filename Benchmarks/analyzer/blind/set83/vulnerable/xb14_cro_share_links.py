"""Time-limited share links so external CRO partners can view assay result sets."""
import hmac
import logging
import random
import sqlite3
import string
import time

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("results.share")

DB_PATH = "/srv/results/share.db"
ALPHABET = string.ascii_letters + string.digits
LINK_TTL = 7 * 24 * 3600


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def new_share_token(length: int = 24) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def new_access_pin() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


@app.post("/api/results/<int:result_set_id>/share")
def create_share(result_set_id: int):
    body = request.get_json(silent=True) or {}
    partner = body.get("partner_email", "")
    if "@" not in partner:
        abort(400, "partner_email required")
    token, pin = new_share_token(), new_access_pin()
    with db():
        db().execute(
            "INSERT INTO shares (token, pin, result_set_id, partner_email, expires_at) VALUES (?, ?, ?, ?, ?)",
            (token, pin, result_set_id, partner, time.time() + LINK_TTL),
        )
    log.info("share created for result set %d", result_set_id)
    return jsonify({"url": f"https://results.pharma-partners.com/s/{token}", "pin": pin}), 201


@app.post("/s/<token>")
def open_share(token: str):
    pin = (request.form.get("pin") or "").strip()
    row = db().execute(
        "SELECT pin, result_set_id, expires_at FROM shares WHERE token = ?", (token,)
    ).fetchone()
    if row is None or row[2] < time.time():
        abort(404)
    if not hmac.compare_digest(row[0], pin):
        abort(403)
    results = db().execute(
        "SELECT compound_id, assay, value, unit FROM results WHERE result_set_id = ?", (row[1],)
    ).fetchall()
    return jsonify([dict(zip(("compound_id", "assay", "value", "unit"), r)) for r in results])
