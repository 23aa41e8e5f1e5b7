"""Flight search endpoint backed by the nightly fares SQLite cache."""
import logging
import sqlite3
from datetime import date

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("flights.search")

DB_PATH = "/var/lib/fares/fares.db"
SORTABLE = {"price", "departure", "duration", "stops"}
MAX_RESULTS = 50


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class FareQuery:
    """Accumulates WHERE conditions for the fares table."""

    def __init__(self, origin: str, destination: str, depart_on: str):
        self.origin = origin.strip().upper()
        self.destination = destination.strip().upper()
        self.depart_on = depart_on
        self.clauses = []

    def add_carrier(self, carrier):
        if carrier:
            self.clauses.append(f"carrier = '{carrier}'")

    def add_max_stops(self, stops):
        if stops is not None and stops.isdigit():
            self.clauses.append(f"stops <= {int(stops)}")

    def build(self, sort_key: str) -> str:
        where = [
            f"origin = '{self.origin}'",
            f"destination = '{self.destination}'",
            f"depart_date = '{self.depart_on}'",
        ] + self.clauses
        order = sort_key if sort_key in SORTABLE else "price"
        return (
            "SELECT flight_no, carrier, origin, destination, departure, duration, stops, price "
            "FROM fares WHERE " + " AND ".join(where) + f" ORDER BY {order} LIMIT {MAX_RESULTS}"
        )


@app.route("/api/flights")
def search_flights():
    origin = request.args.get("from", "")
    destination = request.args.get("to", "")
    if len(origin) != 3 or len(destination) != 3:
        return jsonify(error="from/to must be IATA codes"), 400
    depart_on = request.args.get("date", date.today().isoformat())

    q = FareQuery(origin, destination, depart_on)
    q.add_carrier(request.args.get("carrier"))
    q.add_max_stops(request.args.get("max_stops"))
    sql = q.build(request.args.get("sort", "price"))

    log.debug("fare lookup %r-%r on %r", q.origin, q.destination, depart_on)
    try:
        rows = get_db().execute(sql).fetchall()  # VULN flow
    except sqlite3.Error:
        log.exception("fare lookup failed")
        return jsonify(error="search unavailable"), 503
    return jsonify(results=[dict(r) for r in rows], count=len(rows))


if __name__ == "__main__":
    app.run()
