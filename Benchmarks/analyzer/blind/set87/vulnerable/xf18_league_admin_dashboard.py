"""League operations dashboard: suspend teams, adjust points, reopen waivers."""
import logging
import sqlite3

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "leagueops-7d1f0c2a9b"  # VULN
app.config["DATABASE"] = "/var/lib/leagues/leagues.db"
log = logging.getLogger("leagueops")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def require_ops():
    if session.get("role") != "ops":
        abort(403)


@app.route("/")
def index():
    require_ops()
    leagues = db().execute("SELECT id, name, status FROM leagues ORDER BY id DESC LIMIT 100").fetchall()
    return render_template("ops/index.html", leagues=leagues)


@app.route("/leagues/<int:league_id>/adjust", methods=["POST"])
def adjust_points(league_id):
    require_ops()
    team_id = int(request.form["team_id"])
    delta = float(request.form["delta"])
    db().execute("UPDATE teams SET points = points + ? WHERE id = ? AND league_id = ?", (delta, team_id, league_id))
    db().execute(
        "INSERT INTO adjustments (league_id, team_id, delta, reason) VALUES (?, ?, ?, ?)",
        (league_id, team_id, delta, request.form.get("reason", "")),
    )
    db().commit()
    flash("Points adjusted")
    return redirect(url_for("index"))


@app.route("/leagues/<int:league_id>/suspend", methods=["POST"])
def suspend(league_id):
    require_ops()
    db().execute("UPDATE leagues SET status = 'suspended' WHERE id = ?", (league_id,))
    db().commit()
    log.warning("league %d suspended by ops", league_id)
    return redirect(url_for("index"))


@app.route("/leagues/<int:league_id>/waivers/reopen", methods=["POST"])
def reopen_waivers(league_id):
    require_ops()
    db().execute("UPDATE leagues SET waivers_open = 1 WHERE id = ?", (league_id,))
    db().commit()
    return redirect(url_for("index"))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5050, debug=True)  # VULN
