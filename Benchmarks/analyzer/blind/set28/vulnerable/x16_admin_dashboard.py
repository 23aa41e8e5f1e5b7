"""Internal operations dashboard for queue and worker health."""
import functools
import hmac
import logging
import os
import time

import redis
from flask import Flask, abort, jsonify, render_template, request

app = Flask(__name__)
log = logging.getLogger("ops.dashboard")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUES = ("default", "emails", "exports", "webhooks")
HEARTBEAT_STALE_AFTER = 60

store = redis.Redis.from_url(REDIS_URL, decode_responses=True)


def require_admin(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        expected = os.environ.get("DASHBOARD_ADMIN_TOKEN", "")
        supplied = request.headers.get("X-Admin-Token", "")
        if not expected or not hmac.compare_digest(supplied.encode(), expected.encode()):
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@app.get("/")
@require_admin
def index():
    return render_template("dashboard.html", queues=QUEUES)


@app.get("/api/queues")
@require_admin
def queue_depths():
    return jsonify({name: store.llen(f"queue:{name}") for name in QUEUES})


@app.get("/api/workers")
@require_admin
def workers():
    now = time.time()
    heartbeats = store.hgetall("workers:heartbeat")
    data = []
    for worker, stamp in sorted(heartbeats.items()):
        age = now - float(stamp)
        data.append({"worker": worker, "age_seconds": round(age, 1), "healthy": age < HEARTBEAT_STALE_AFTER})
    return jsonify(workers=data)


@app.post("/api/queues/<name>/pause")
@require_admin
def pause_queue(name: str):
    if name not in QUEUES:
        abort(404)
    store.set(f"queue:{name}:paused", "1")
    log.info("queue %r paused", name)
    return jsonify(queue=name, paused=True)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    app.config.update(DEBUG=True)  # VULN
    app.run(host="0.0.0.0", port=int(os.environ.get("DASHBOARD_PORT", "8050")))  # VULN


if __name__ == "__main__":
    main()
