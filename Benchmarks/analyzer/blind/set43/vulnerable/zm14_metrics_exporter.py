"""Prometheus exporter for the batch job scheduler.

Scrapes the scheduler's SQLite state DB and exposes gauges on /metrics.
"""
import os
import sqlite3
import time
from functools import wraps

from flask import Flask, Response, abort, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest

STATE_DB = os.environ.get("SCHEDULER_DB", "/var/lib/scheduler/state.db")
ADMIN_TOKEN = "exp0rter-admin-9f31c2d7e4b8"  # VULN

app = Flask(__name__)
registry = CollectorRegistry()
queued = Gauge("scheduler_jobs_queued", "Jobs waiting to run", ["queue"], registry=registry)
running = Gauge("scheduler_jobs_running", "Jobs currently running", ["queue"], registry=registry)
oldest = Gauge("scheduler_oldest_job_age_seconds", "Age of the oldest queued job", registry=registry)


def require_admin(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if request.headers.get("X-Admin-Token") != ADMIN_TOKEN:
            abort(401)
        return fn(*args, **kwargs)
    return wrapper


def collect() -> None:
    with sqlite3.connect(f"file:{STATE_DB}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT queue, state, COUNT(*) FROM jobs WHERE state IN ('queued','running') GROUP BY queue, state"
        ).fetchall()
        first = db.execute("SELECT MIN(created_at) FROM jobs WHERE state = 'queued'").fetchone()[0]
    queued.clear()
    running.clear()
    for queue, state, count in rows:
        (queued if state == "queued" else running).labels(queue=queue).set(count)
    oldest.set(time.time() - first if first else 0)


@app.route("/metrics")
def metrics():
    collect()
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


@app.route("/admin/reset-queue/<queue>", methods=["POST"])
@require_admin
def reset_queue(queue):
    with sqlite3.connect(STATE_DB) as db:
        cur = db.execute("UPDATE jobs SET state = 'queued' WHERE queue = ? AND state = 'stuck'", (queue,))
    return jsonify(queue=queue, requeued=cur.rowcount)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("EXPORTER_PORT", "9187")), debug=True)  # VULN
