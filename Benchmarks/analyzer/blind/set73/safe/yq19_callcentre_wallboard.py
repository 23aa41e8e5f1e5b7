"""Call-centre wallboard: live queue stats and agent states for the floor TVs."""
import json
import logging
import os
import time

import redis
from flask import Flask, jsonify, render_template, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["WALLBOARD_SECRET_KEY"]
log = logging.getLogger("wallboard")

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"),
                         socket_timeout=2, decode_responses=True)

QUEUES = ["sales", "support", "billing", "retentions"]
SLA_SECONDS = 30


def queue_snapshot(name):
    raw = r.hgetall(f"queue:{name}") or {}
    waiting = int(raw.get("waiting", 0))
    answered = int(raw.get("answered", 0))
    within_sla = int(raw.get("answered_within_sla", 0))
    return {
        "queue": name,
        "waiting": waiting,
        "longest_wait": int(raw.get("longest_wait", 0)),
        "answered": answered,
        "abandoned": int(raw.get("abandoned", 0)),
        "service_level": round(100.0 * within_sla / answered, 1) if answered else 100.0,
    }


def agent_states():
    states = {}
    for key in r.scan_iter("agent:*:state"):
        data = json.loads(r.get(key) or "{}")
        states.setdefault(data.get("state", "offline"), []).append(data.get("name"))
    return states


@app.get("/")
def board():
    session.setdefault("theme", "dark")
    return render_template("wallboard.html", queues=QUEUES, theme=session["theme"])


@app.get("/api/stats")
def stats():
    return jsonify({
        "ts": int(time.time()),
        "sla_seconds": SLA_SECONDS,
        "queues": [queue_snapshot(q) for q in QUEUES],
        "agents": agent_states(),
    })


@app.post("/api/theme/<name>")
def set_theme(name):
    if name not in ("dark", "light"):
        return jsonify({"error": "unknown theme"}), 400
    session["theme"] = name
    return jsonify({"theme": name})


if __name__ == "__main__":
    app.run(host=os.environ.get("WALLBOARD_HOST", "127.0.0.1"), port=8050,
            debug=os.environ.get("WALLBOARD_DEBUG") == "1")
