import psycopg2.extras
from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("users_bulk", __name__)


def get_conn():
    if "conn" not in g:
        g.conn = psycopg2.connect(current_app.config["DATABASE_URL"])
    return g.conn


def fetch_users(conn, ids):
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT id, username, email FROM users WHERE id IN ({placeholders}) ORDER BY id"
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql, ids)
        return cur.fetchall()


@bp.get("/api/users/bulk")
def bulk_users():
    ids = request.args.getlist("id")[:200]
    return jsonify(fetch_users(get_conn(), ids))
