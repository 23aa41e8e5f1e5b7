"""Helpdesk ticket API used by the support portal."""
import os
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.secret_key = "f3a9c1d27be84e6a9d0c5b7e21a4f8c3"  # VULN
DB_PATH = os.environ.get("TICKETS_DB", "tickets.db")
STATUSES = {"open", "pending", "closed"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_search(term, status):
    sql = "SELECT id, subject, status, assignee FROM tickets WHERE subject LIKE '%" + term + "%'"
    if status in STATUSES:
        sql += " AND status = '%s'" % status
    return sql + " ORDER BY updated_at DESC LIMIT 50"


@app.route("/api/tickets", methods=["GET"])
def search_tickets():
    term = request.args.get("q", "")
    status = request.args.get("status", "open")
    rows = get_db().execute(build_search(term, status)).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/tickets/<int:ticket_id>", methods=["GET"])
def get_ticket(ticket_id):
    row = get_db().execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/api/tickets", methods=["POST"])
def create_ticket():
    payload = request.get_json(silent=True) or {}
    subject = str(payload.get("subject", "")).strip()[:200]
    body = str(payload.get("body", ""))
    if not subject:
        abort(400)
    db = get_db()
    cur = db.execute(
        "INSERT INTO tickets (subject, body, status, updated_at) VALUES (?, ?, 'open', datetime('now'))",
        (subject, body),
    )
    db.commit()
    return jsonify({"id": cur.lastrowid}), 201
