"""Desk availability search for the member portal."""
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/deskbook/deskbook.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class DeskFilter:
    """Turns the query-string filters from the floor-plan widget into SQL."""

    def __init__(self, args):
        self.floor = args.get("floor")
        self.zone = args.get("zone")
        self.features = args.getlist("feature")
        self.standing = args.get("standing") == "1"

    def where_clause(self) -> str:
        clauses = ["d.active = 1"]
        if self.floor:
            clauses.append(f"d.floor = {self.floor}")
        if self.zone:
            clauses.append(f"d.zone = '{self.zone}'")
        for feat in self.features:
            clauses.append(f"d.features LIKE '%{feat}%'")
        if self.standing:
            clauses.append("d.standing = 1")
        return " AND ".join(clauses)


@app.route("/api/desks/available")
def available_desks():
    day = request.args.get("day") or date.today().isoformat()
    try:
        date.fromisoformat(day)
    except ValueError:
        return jsonify(error="day must be YYYY-MM-DD"), 400

    flt = DeskFilter(request.args)
    sql = (
        "SELECT d.id, d.label, d.zone, d.floor, d.features FROM desks d "
        "WHERE " + flt.where_clause() + " "
        "AND d.id NOT IN (SELECT desk_id FROM bookings "
        "WHERE day = ? AND status != 'cancelled') "
        "ORDER BY d.floor, d.label"
    )
    rows = get_db().execute(sql, (day,)).fetchall()  # VULN flow
    return jsonify(desks=[dict(r) for r in rows], day=day)


@app.route("/api/desks/<int:desk_id>/calendar")
def desk_calendar(desk_id: int):
    rows = get_db().execute(
        "SELECT day, status FROM bookings WHERE desk_id = ? AND day >= ? ORDER BY day",
        (desk_id, date.today().isoformat()),
    ).fetchall()
    return jsonify(desk_id=desk_id, booked=[dict(r) for r in rows])
