"""Public tournament directory API."""
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/arena/tournaments.db"

SORTABLE = {"start": "starts_at", "prize": "prize_pool", "name": "name"}


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


class TournamentFilter:
    def __init__(self, args):
        self.game = args.get("game")
        self.region = args.get("region")
        self.min_prize = args.get("min_prize", type=int)
        self.status = args.get("status", "open")
        self.sort = args.get("sort", "start")

    def where_clause(self):
        clauses = ["status = ?"]
        params = [self.status]
        if self.game:
            clauses.append("game = ?")
            params.append(self.game)
        if self.region:
            clauses.append("region = ?")
            params.append(self.region)
        if self.min_prize is not None:
            clauses.append("prize_pool >= ?")
            params.append(self.min_prize)
        return " AND ".join(clauses), params

    def order_by(self) -> str:
        return SORTABLE.get(self.sort, "starts_at")


@app.route("/api/tournaments")
def search_tournaments():
    flt = TournamentFilter(request.args)
    where, params = flt.where_clause()
    sql = (
        "SELECT id, name, game, region, prize_pool, starts_at "
        "FROM tournaments WHERE " + where +
        " ORDER BY " + flt.order_by() + " LIMIT 50"
    )
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/tournaments/<int:tid>")
def get_tournament(tid: int):
    row = get_db().execute(
        "SELECT * FROM tournaments WHERE id = ?", (tid,)
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))


@app.route("/api/tournaments/<int:tid>/teams")
def list_teams(tid: int):
    tag = request.args.get("tag", "")
    cur = get_db().execute(
        "SELECT t.id, t.name, t.tag FROM teams t "
        "JOIN registrations r ON r.team_id = t.id "
        "WHERE r.tournament_id = ? AND t.tag LIKE ?",
        (tid, f"%{tag}%"),
    )
    return jsonify([dict(r) for r in cur.fetchall()])
