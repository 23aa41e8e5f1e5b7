"""Number porting desk API: look up and annotate port-in / port-out requests."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config.from_prefixed_env("PORTDESK")
log = logging.getLogger(__name__)

DB_PATH = app.config.get("DB_PATH", "/var/lib/portdesk/porting.db")
COLUMNS = ("id", "msisdn", "donor_operator", "recipient_operator",
           "status", "requested_at")


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


def normalise_msisdn(raw):
    raw = raw.strip().replace(" ", "")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    return raw


def find_port_requests(db, msisdn, status=None):
    sql = "SELECT %s FROM port_requests WHERE msisdn = ?" % ", ".join(COLUMNS)
    params = [msisdn]
    if status:
        sql += " AND status = ?"
        params.append(status)
    sql += " ORDER BY requested_at DESC LIMIT 50"
    return db.execute(sql, params).fetchall()


@app.get("/api/port-requests")
def list_port_requests():
    msisdn = request.args.get("msisdn")
    if not msisdn:
        abort(400, "msisdn is required")
    rows = find_port_requests(get_db(), normalise_msisdn(msisdn),
                              request.args.get("status"))
    return jsonify([dict(r) for r in rows])


@app.post("/api/port-requests/<int:req_id>/notes")
def add_note(req_id):
    payload = request.get_json(force=True)
    note = payload.get("note", "")[:500]
    author = payload.get("author", "unknown")
    db = get_db()
    db.execute(
        "INSERT INTO port_notes (request_id, author, note) VALUES (?, ?, ?)",
        (req_id, author, note),
    )
    db.commit()
    log.info("note added to port request %d by %r", req_id, author)
    return jsonify({"ok": True}), 201


if __name__ == "__main__":
    app.run(port=5002)
