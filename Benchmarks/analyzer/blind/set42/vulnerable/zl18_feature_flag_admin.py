"""Feature-flag admin console for the mobile backend.

Small Flask app used by product managers to toggle rollout percentages.
Deployed on the shared tools VM.
"""
import logging
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "ff-admin-3c9d1e7a55b04f2f"  # VULN
app.config["DATABASE"] = os.environ.get("FLAGS_DB", "/var/lib/flags/flags.db")

log = logging.getLogger("flags.admin")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def requires_editor(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("role") not in {"editor", "admin"}:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


@app.get("/")
def index():
    flags = get_db().execute("SELECT key, description, rollout FROM flags ORDER BY key").fetchall()
    return render_template("flags/index.html", flags=flags)


@app.post("/flags/<key>")
@requires_editor
def update_flag(key: str):
    try:
        rollout = int(request.form["rollout"])
    except (KeyError, ValueError):
        abort(400)
    if not 0 <= rollout <= 100:
        abort(400)
    db = get_db()
    cur = db.execute("UPDATE flags SET rollout = ? WHERE key = ?", (rollout, key))
    if cur.rowcount == 0:
        abort(404)
    db.commit()
    log.info("flag %r set to %d%% by %r", key, rollout, session.get("user"))
    flash(f"Updated {key}")
    return redirect(url_for("index"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=5050, debug=True)  # VULN
