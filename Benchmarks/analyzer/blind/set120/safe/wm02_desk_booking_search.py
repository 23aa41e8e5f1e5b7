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
        floor = args.get("floor")
        self.floor = int(floor) if floor and floor.lstrip("-").isdigit() else None
        self.zone = args.get("zone")
        self.features = args.getlist("feature")
        self.standing = args.get("standing") == "1"

    def where_clause(self):
        clauses = ["d.active = 1"]
        params = []
        if self.floor is not None:
            clauses.append("d.floor = ?")
            params.append(self.floor)
        if self.zone:
            clauses.append("d.zone = ?")
            params.append(self.zone)
        for feat in self.features:
            clauses.append("d.features LIKE ?")
            params.append(f"%{feat}%")
        if self.standing:
            clauses.append("d.standing = 1")
        return " AND ".join(clauses), params


@app.route("/api/desks/available")
def available_desks():
    day = request.args.get("day") or date.today().isoformat()
    try:
        date.fromisoformat(day)
    except ValueError:
        return jsonify(error="day must be YYYY-MM-DD"), 400

    flt = DeskFilter(request.args)
    where, params = flt.where_clause()
    sql = (
        "SELECT d.id, d.label, d.zone, d.floor, d.features FROM desks d "
        "WHERE " + where + " "
        "AND d.id NOT IN (SELECT desk_id FROM bookings "
        "WHERE day = ? AND status != 'cancelled') "
        "ORDER BY d.floor, d.label"
    )
    rows = get_db().execute(sql, (*params, day)).fetchall()
    return jsonify(desks=[dict(r) for r in rows], day=day)


@app.route("/api/desks/<int:desk_id>/calendar")
def desk_calendar(desk_id: int):
    rows = get_db().execute(
        "SELECT day, status FROM bookings WHERE desk_id = ? AND day >= ? ORDER BY day",
        (desk_id, date.today().isoformat()),
    ).fetchall()
    return jsonify(desk_id=desk_id, booked=[dict(r) for r in rows])
