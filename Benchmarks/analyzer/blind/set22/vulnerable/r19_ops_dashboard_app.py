"""Ops dashboard: queue depths and worker health for the fulfilment cluster.

Deployed on the ops bastion with `python ops_dashboard_app.py` under systemd.
"""
import os
from datetime import datetime, timezone

import redis
from flask import Flask, jsonify, render_template

QUEUES = ("orders", "invoices", "shipping-labels", "emails")


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["DASHBOARD_SECRET_KEY"]
    app.config["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
    app.extensions["redis"] = redis.Redis.from_url(app.config["REDIS_URL"], socket_timeout=2)

    def queue_depths():
        r = app.extensions["redis"]
        return {q: r.llen(f"queue:{q}") for q in QUEUES}

    def worker_heartbeats():
        r = app.extensions["redis"]
        now = datetime.now(timezone.utc).timestamp()
        beats = r.hgetall("workers:heartbeat")
        return {
            name.decode(): round(now - float(ts), 1)
            for name, ts in beats.items()
        }

    @app.get("/")
    def index():
        return render_template("dashboard.html", queues=queue_depths(), workers=worker_heartbeats())

    @app.get("/api/health")
    def health():
        workers = worker_heartbeats()
        stale = sorted(n for n, age in workers.items() if age > 60)
        return jsonify(queues=queue_depths(), stale_workers=stale, ok=not stale)

    return app


app = create_app()

if __name__ == "__main__":
    bind_host = os.environ.get("DASHBOARD_HOST", "127.0.0.1")
    bind_port = int(os.environ.get("DASHBOARD_PORT", "8050"))
    app.run(host=bind_host, port=bind_port, debug=True)  # VULN
