"""QC dashboard for the sequencing core: run list, per-lane metrics, plots."""
import json
import logging
import os
import sqlite3

from flask import Flask, abort, g, jsonify, render_template

app = Flask(__name__)
app.config["SECRET_KEY"] = "qc-dashboard-dev-key-2022"  # VULN
app.config["RUNS_DB"] = os.environ.get("RUNS_DB", "/srv/qc/runs.sqlite")
log = logging.getLogger("qc_dashboard")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["RUNS_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.route("/")
def index():
    runs = get_db().execute(
        "SELECT run_id, instrument, finished_at, status FROM runs ORDER BY finished_at DESC LIMIT 100"
    ).fetchall()
    return render_template("runs.html", runs=runs)


@app.route("/runs/<run_id>")
def run_detail(run_id):
    run = get_db().execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
    if run is None:
        abort(404)
    return render_template("run_detail.html", run=run)


@app.route("/api/runs/<run_id>/lanes")
def lane_metrics(run_id):
    rows = get_db().execute(
        "SELECT lane, reads_pf, pct_q30, pct_dup, cluster_density FROM lane_metrics "
        "WHERE run_id = ? ORDER BY lane",
        (run_id,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/runs/<run_id>/plot")
def q30_plot(run_id):
    rows = get_db().execute(
        "SELECT lane, pct_q30 FROM lane_metrics WHERE run_id = ? ORDER BY lane", (run_id,)
    ).fetchall()
    figure = {
        "data": [{"type": "bar", "x": [r["lane"] for r in rows], "y": [r["pct_q30"] for r in rows]}],
        "layout": {"title": f"%Q30 per lane - {run_id}", "yaxis": {"range": [0, 100]}},
    }
    return app.response_class(json.dumps(figure), mimetype="application/json")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
