"""Kitchen display board: shows open tickets per station, lets cooks bump them."""
import datetime as dt
import os
import sqlite3

from flask import Flask, abort, g, jsonify, render_template, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["KDS_SECRET_KEY"]
app.config["KDS_DB"] = "/var/lib/kds/tickets.db"
STATIONS = ("grill", "fry", "saute", "pantry", "pastry", "expo")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["KDS_DB"], detect_types=sqlite3.PARSE_DECLTYPES)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def open_tickets(station: str) -> list:
    rows = db().execute(
        "SELECT id, order_no, table_no, items_json, fired_at FROM tickets "
        "WHERE station = ? AND bumped_at IS NULL ORDER BY fired_at",
        (station,),
    ).fetchall()
    now = dt.datetime.utcnow()
    return [dict(r, age_s=int((now - r["fired_at"]).total_seconds())) for r in rows]


@app.route("/")
def board():
    station = session.get("station", "expo")
    return render_template("board.html", station=station, stations=STATIONS,
                           tickets=open_tickets(station))


@app.post("/station")
def pick_station():
    station = request.form.get("station", "")
    if station not in STATIONS:
        abort(400)
    session["station"] = station
    return jsonify(station=station)


@app.get("/api/tickets")
def api_tickets():
    station = request.args.get("station") or session.get("station", "expo")
    if station not in STATIONS:
        abort(400)
    return jsonify(tickets=open_tickets(station))


@app.post("/api/tickets/<int:ticket_id>/bump")
def bump(ticket_id: int):
    with db() as conn:
        cur = conn.execute(
            "UPDATE tickets SET bumped_at = ? WHERE id = ? AND bumped_at IS NULL",
            (dt.datetime.utcnow(), ticket_id),
        )
    if cur.rowcount == 0:
        abort(404)
    return jsonify(bumped=ticket_id)


if __name__ == "__main__":
    app.run(host=os.environ.get("KDS_BIND", "127.0.0.1"), port=5050, debug=False)
