"""Standings endpoints for the amateur league site."""
import sqlite3
from dataclasses import asdict, dataclass

from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("standings", __name__, url_prefix="/api/standings")

DEFAULT_ORDER = "points"


@dataclass
class StandingRow:
    team: str
    played: int
    won: int
    drawn: int
    lost: int
    points: int


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["LEAGUE_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


def _order_clause(args):
    column = args.get("sort", DEFAULT_ORDER)
    direction = "ASC" if args.get("dir") == "asc" else "DESC"
    return f"{column} {direction}"


def fetch_standings(season_id, order_clause):
    sql = (
        "SELECT team, played, won, drawn, lost, points FROM standings "
        "WHERE season_id = ? ORDER BY " + order_clause
    )
    cur = get_db().execute(sql, (season_id,))  # VULN flow
    return [StandingRow(**dict(row)) for row in cur.fetchall()]


@bp.route("/<int:season_id>")
def season_table(season_id):
    rows = fetch_standings(season_id, _order_clause(request.args))
    return jsonify([asdict(r) for r in rows])


@bp.route("/<int:season_id>/team")
def team_row(season_id):
    team = request.args.get("name", "")
    cur = get_db().execute(
        "SELECT team, played, won, drawn, lost, points FROM standings "
        "WHERE season_id = ? AND team = ?",
        (season_id, team),
    )
    row = cur.fetchone()
    if row is None:
        return jsonify({"error": "team not found"}), 404
    return jsonify(asdict(StandingRow(**dict(row))))


@bp.teardown_app_request
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()
