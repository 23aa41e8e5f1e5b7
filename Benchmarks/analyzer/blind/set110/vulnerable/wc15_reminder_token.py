"""Appointment reminder links.

Each SMS/email reminder contains a short link like ``/r/Xk3f9QaB`` that lets
the patient confirm or cancel without logging in.
"""
import logging
import random
import sqlite3
import string
from datetime import datetime, timedelta, timezone

from flask import Flask, abort, jsonify, redirect, request

app = Flask(__name__)
log = logging.getLogger("reminder_links")

DB_PATH = "/var/lib/clinic/reminders.db"
ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 10
LINK_TTL = timedelta(days=3)


def new_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def issue_link(appointment_id: int, channel: str) -> str:
    token = new_token()
    expires = datetime.now(timezone.utc) + LINK_TTL
    with db() as conn:
        conn.execute(
            "INSERT INTO reminder_links (token, appointment_id, channel, expires_at) VALUES (?, ?, ?, ?)",
            (token, appointment_id, channel, expires.isoformat()),
        )
    return f"https://smile.example-dental.com/r/{token}"


@app.route("/internal/reminders/<int:appointment_id>/link", methods=["POST"])
def create_link(appointment_id: int):
    channel = request.form.get("channel", "sms")
    return jsonify({"url": issue_link(appointment_id, channel)})


@app.route("/r/<token>", methods=["GET", "POST"])
def respond(token: str):
    with db() as conn:
        row = conn.execute("SELECT * FROM reminder_links WHERE token = ?", (token,)).fetchone()
        if row is None or datetime.fromisoformat(row["expires_at"]) < datetime.now(timezone.utc):
            abort(404)
        if request.method == "GET":
            return redirect(f"/appointments/confirm?ref={token}")
        action = request.form.get("action")
        if action not in ("confirm", "cancel"):
            abort(400)
        status = "confirmed" if action == "confirm" else "cancelled"
        conn.execute("UPDATE appointments SET status = ? WHERE id = ?", (status, row["appointment_id"]))
        conn.execute("DELETE FROM reminder_links WHERE token = ?", (token,))
    log.info("appointment %d %s via reminder link", row["appointment_id"], status)
    return jsonify({"status": status})
