"""Lightweight build-farm metrics dashboard."""
import os
import sqlite3
import statistics
from datetime import datetime, timedelta, timezone

from flask import Flask, abort, jsonify, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]
app.config["METRICS_DB"] = os.environ.get("METRICS_DB", "/var/lib/buildfarm/metrics.db")


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(app.config["METRICS_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def known_pipelines() -> list:
    with connect() as conn:
        return [row["pipeline"] for row in conn.execute("SELECT DISTINCT pipeline FROM builds ORDER BY pipeline")]


def durations(pipeline: str, days: int) -> list:
    since = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat()
    with connect() as conn:
        rows = conn.execute(
            "SELECT duration_s FROM builds WHERE pipeline = ? AND finished_at >= ? AND status = 'success'",
            (pipeline, since),
        ).fetchall()
    return [row["duration_s"] for row in rows]


@app.get("/")
def index():
    pipelines = known_pipelines()
    favourite = session.get("favourite")
    return render_template("dashboard.html", pipelines=pipelines, favourite=favourite)


@app.post("/favourite")
def set_favourite():
    pipeline = request.form.get("pipeline", "")
    if pipeline not in known_pipelines():
        abort(400)
    session["favourite"] = pipeline
    return redirect(url_for("index"))


@app.get("/api/pipelines/<pipeline>/stats")
def stats(pipeline: str):
    days = max(1, min(request.args.get("days", 7, type=int), 90))
    samples = durations(pipeline, days)
    if not samples:
        return jsonify(pipeline=pipeline, builds=0)
    ordered = sorted(samples)
    return jsonify(
        pipeline=pipeline,
        builds=len(samples),
        mean=round(statistics.fmean(samples), 1),
        median=statistics.median(samples),
        p95=ordered[int(0.95 * (len(ordered) - 1))],
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8050")), debug=False)
