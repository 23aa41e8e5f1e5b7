"""Internal metrics dashboard for the build farm hosts."""
import os
import socket
import threading
import time
from collections import deque

import psutil
from flask import Flask, jsonify, render_template

app = Flask(__name__)

SAMPLE_INTERVAL = 5
HISTORY = deque(maxlen=720)
_lock = threading.Lock()


def take_sample():
    memory = psutil.virtual_memory()
    disk = psutil.disk_usage("/")
    return {
        "ts": time.time(),
        "cpu": psutil.cpu_percent(interval=None),
        "mem": memory.percent,
        "disk": disk.percent,
        "load": os.getloadavg()[0],
    }


def sampler():
    while True:
        sample = take_sample()
        with _lock:
            HISTORY.append(sample)
        time.sleep(SAMPLE_INTERVAL)


@app.route("/")
def index():
    with _lock:
        latest = HISTORY[-1] if HISTORY else take_sample()
    return render_template("dashboard.html", host=socket.gethostname(), latest=latest)


@app.route("/api/samples")
def samples():
    with _lock:
        return jsonify(list(HISTORY))


@app.route("/api/processes")
def processes():
    procs = [p.info for p in psutil.process_iter(["pid", "name", "cpu_percent", "memory_percent"])]
    procs.sort(key=lambda info: info.get("cpu_percent") or 0, reverse=True)
    return jsonify(procs[:25])


def start_sampler():
    threading.Thread(target=sampler, name="sampler", daemon=True).start()


if __name__ == "__main__":
    start_sampler()
    app.debug = False
    app.run(host="127.0.0.1", port=int(os.environ.get("DASHBOARD_PORT", "8050")))
