"""Live proctoring dashboard: proctors review flagged exam sessions."""
import logging
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["PROCTOR_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True
log = logging.getLogger("proctor.dashboard")

DB_PATH = "/var/lib/proctoring/sessions.db"


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def proctor_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("role") != "proctor":
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/login")
def login():
    return render_template("proctor_login.html")


@app.route("/")
@proctor_required
def live_sessions():
    rows = db().execute(
        "SELECT id, candidate_name, exam_code, started_at, flag_count FROM exam_sessions "
        "WHERE status = 'live' ORDER BY flag_count DESC, started_at"
    ).fetchall()
    return render_template("live_sessions.html", sessions=rows)


@app.get("/api/sessions/<int:session_id>/flags")
@proctor_required
def session_flags(session_id: int):
    rows = db().execute(
        "SELECT kind, detail, captured_at, snapshot_key FROM flags WHERE session_id = ? ORDER BY captured_at",
        (session_id,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.post("/api/sessions/<int:session_id>/decision")
@proctor_required
def record_decision(session_id: int):
    decision = request.form.get("decision")
    if decision not in {"clear", "warn", "terminate"}:
        abort(400)
    conn = db()
    conn.execute(
        "UPDATE exam_sessions SET decision = ?, decided_by = ? WHERE id = ?",
        (decision, session.get("proctor_id"), session_id),
    )
    conn.commit()
    log.info("proctor %s set %s on session %d", session.get("proctor_id"), decision, session_id)
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8443, debug=False, ssl_context="adhoc")
