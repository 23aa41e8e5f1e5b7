"""Small REST API used by the dockmaster tablets to record arrivals,
departures and shore-power meter readings."""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, jsonify, request, session

app = Flask(__name__)
app.secret_key = "dockmaster-tablet-2021"  # VULN
app.config["DATABASE"] = "/var/lib/marina/dock.db"

log = logging.getLogger("dock.api")


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(app.config["DATABASE"])
        g.conn.row_factory = sqlite3.Row
    return g.conn


@app.teardown_appcontext
def _close(exc):
    conn = g.pop("conn", None)
    if conn:
        conn.close()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@app.route("/tablet/login", methods=["POST"])
def tablet_login():
    data = request.get_json(force=True)
    row = db().execute("SELECT id FROM tablets WHERE serial = ? AND enrolled = 1", (data.get("serial"),)).fetchone()
    if row is None:
        return jsonify({"error": "unknown tablet"}), 403
    session["tablet_id"] = row["id"]
    return jsonify({"ok": True})


@app.route("/movements", methods=["POST"])
def record_movement():
    if "tablet_id" not in session:
        return jsonify({"error": "not logged in"}), 401
    data = request.get_json(force=True)
    kind = data.get("kind")
    if kind not in ("arrival", "departure"):
        return jsonify({"error": "kind must be arrival or departure"}), 400
    with db():
        db().execute(
            "INSERT INTO movements(berth, vessel, kind, at, tablet_id) VALUES (?, ?, ?, ?, ?)",
            (data["berth"], data["vessel"], kind, now(), session["tablet_id"]),
        )
    return jsonify({"recorded": True}), 201


@app.route("/meters/<berth>", methods=["POST"])
def meter_reading(berth):
    if "tablet_id" not in session:
        return jsonify({"error": "not logged in"}), 401
    kwh = float(request.get_json(force=True).get("kwh", 0))
    with db():
        db().execute("INSERT INTO meter_readings(berth, kwh, at) VALUES (?, ?, ?)", (berth, kwh, now()))
    return jsonify({"berth": berth, "kwh": kwh})


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG)
    app.run(host="0.0.0.0", port=8000, debug=True)  # VULN
