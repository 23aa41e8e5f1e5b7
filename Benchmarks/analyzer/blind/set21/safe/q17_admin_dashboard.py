"""Back-office dashboard for the warehouse team.

Runs on the ops bastion and is meant to be reached only through an SSH tunnel.
"""
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, render_template, session

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]
app.debug = False
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict")

DB_PATH = os.environ.get("WAREHOUSE_DB", "/srv/warehouse/warehouse.db")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff_id"):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@app.route("/")
@staff_required
def overview():
    rows = get_db().execute(
        "SELECT zone, COUNT(*) AS bins, SUM(qty) AS units FROM stock GROUP BY zone ORDER BY zone"
    ).fetchall()
    return render_template("overview.html", zones=rows)


@app.route("/api/zones/<zone>/low-stock")
@staff_required
def low_stock(zone):
    rows = get_db().execute(
        "SELECT sku, bin, qty FROM stock WHERE zone = ? AND qty < reorder_level ORDER BY qty",
        (zone,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8050, debug=False)
