import functools

import psycopg2
from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("admin_users", __name__, url_prefix="/admin")


def get_db():
    if "conn" not in g:
        g.conn = psycopg2.connect(current_app.config["DATABASE_URL"])
    return g.conn


def with_search_term(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        kwargs["term"] = request.args.get("q", "").strip()
        return view(*args, **kwargs)

    return wrapper


@bp.route("/users/search")
@with_search_term
def search_users(term):
    with get_db().cursor() as cur:
        cur.execute("SELECT id, username, email FROM users WHERE username ILIKE '%%%s%%' LIMIT 50" % term)  # VULN flow
        rows = cur.fetchall()
    return jsonify([{"id": r[0], "username": r[1], "email": r[2]} for r in rows])
