"""Harbour master dashboard: berth occupancy, pilot bookings and tide windows."""
import os
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, render_template_string, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "harbour-dash-2022-prod"  # VULN
app.config["DB_PATH"] = os.environ.get("DASH_DB", "/var/lib/harbour/dash.db")

TEMPLATE = """
<h1>Berth occupancy {{ day }}</h1>
<table>
{% for b in berths %}
<tr><td>{{ b.berth }}</td><td>{{ b.vessel or '-' }}</td><td>{{ b.eta or '' }}</td><td>{{ b.etd or '' }}</td></tr>
{% endfor %}
</table>
"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DB_PATH"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.route("/")
def occupancy():
    rows = db().execute(
        "SELECT berth, vessel, eta, etd FROM berth_schedule WHERE day = ? ORDER BY berth",
        (date.today().isoformat(),),
    ).fetchall()
    return render_template_string(TEMPLATE, berths=rows, day=date.today())


@app.route("/api/pilots")
def pilots():
    if not session.get("harbour_staff"):
        return jsonify(error="forbidden"), 403
    rows = db().execute(
        "SELECT pilot, vessel, boarding_time, station FROM pilot_bookings WHERE boarding_time >= ?",
        (date.today().isoformat(),),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/tides")
def tides():
    rows = db().execute("SELECT ts, height_m FROM tide_forecast ORDER BY ts LIMIT 48").fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
