"""Cluster overview dashboard: partitions, node states and queue depth from sinfo/squeue."""
import os
import subprocess
from collections import Counter

from flask import Flask, jsonify, render_template, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["CLUSTERDASH_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True

SINFO_FORMAT = "%P|%a|%D|%T|%C"


def _run(argv):
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


def partitions():
    rows = []
    for line in _run(["sinfo", "-h", "-o", SINFO_FORMAT]):
        name, avail, nodes, state, cpus = line.split("|")
        alloc, idle, other, total = (int(x) for x in cpus.split("/"))
        rows.append(
            {
                "partition": name.rstrip("*"),
                "default": name.endswith("*"),
                "available": avail == "up",
                "nodes": int(nodes),
                "state": state,
                "cpu_alloc": alloc,
                "cpu_total": total,
            }
        )
    return rows


def queue_depth():
    states = Counter(_run(["squeue", "-h", "-o", "%T"]))
    return {"pending": states.get("PENDING", 0), "running": states.get("RUNNING", 0)}


@app.get("/")
def index():
    session.setdefault("theme", "dark")
    return render_template("overview.html", partitions=partitions(), queue=queue_depth(), theme=session["theme"])


@app.get("/api/partitions")
def api_partitions():
    return jsonify(partitions())


@app.get("/api/queue")
def api_queue():
    return jsonify(queue_depth())


@app.post("/api/theme/<name>")
def set_theme(name):
    if name in ("dark", "light"):
        session["theme"] = name
    return jsonify(theme=session.get("theme", "dark"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("DASH_PORT", 8050)), debug=False)
