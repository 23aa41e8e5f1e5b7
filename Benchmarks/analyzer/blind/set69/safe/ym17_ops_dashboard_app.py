"""Operations control dashboard: on-time performance and disruption board."""
import logging
import os
import sqlite3
from datetime import date

from flask import Flask, jsonify, render_template, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["OCC_SECRET_KEY"]
app.config["SESSION_COOKIE_HTTPONLY"] = True

log = logging.getLogger("occ.dashboard")
OPS_DB = os.environ.get("OCC_DB", "/srv/occ/ops.db")


def query(sql, params=()):
    with sqlite3.connect(OPS_DB) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params).fetchall()]


@app.route("/")
def index():
    session.setdefault("station_filter", "ALL")
    return render_template("occ/index.html", station=session["station_filter"])


@app.route("/api/otp")
def otp():
    day = request.args.get("day", date.today().isoformat())
    rows = query(
        "SELECT station, COUNT(*) AS flights, "
        "SUM(CASE WHEN delay_min <= 15 THEN 1 ELSE 0 END) AS on_time "
        "FROM departures WHERE op_date = ? GROUP BY station",
        (day,),
    )
    for r in rows:
        r["otp"] = round(100.0 * r["on_time"] / r["flights"], 1) if r["flights"] else None
    return jsonify(day=day, stations=rows)


@app.route("/api/disruptions")
def disruptions():
    rows = query(
        "SELECT flight_no, station, delay_code, delay_min, remark FROM departures "
        "WHERE op_date = date('now') AND (delay_min > 60 OR cancelled = 1) "
        "ORDER BY delay_min DESC LIMIT 50"
    )
    return jsonify(disruptions=rows)


@app.route("/api/station", methods=["POST"])
def set_station():
    station = (request.get_json(silent=True) or {}).get("station", "ALL")
    session["station_filter"] = station.upper()[:4]
    return jsonify(ok=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("OCC_BIND", "127.0.0.1"), port=int(os.environ.get("PORT", "8080")), debug=False)
