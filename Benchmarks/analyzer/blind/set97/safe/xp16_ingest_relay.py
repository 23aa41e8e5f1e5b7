"""On-prem ingest relay: accepts SDK events inside a customer network and
forwards them in batches to the cloud collector."""
import logging
import os
import queue
import threading
import time

import requests
from flask import Flask, abort, jsonify, redirect, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["RELAY_SECRET_KEY"]
app.config["SESSION_COOKIE_HTTPONLY"] = True

COLLECTOR = os.environ.get("COLLECTOR_URL", "https://collector.xpanel.example.com/v1/batch")
PROJECT_KEY = os.environ.get("XPANEL_PROJECT_KEY", "")
ADMIN_PASSWORD_HASH = os.environ.get("RELAY_ADMIN_HASH", "")
FLUSH_EVERY = 5.0

log = logging.getLogger("relay")
buffer: "queue.Queue[dict]" = queue.Queue(maxsize=100_000)


def flusher():
    while True:
        time.sleep(FLUSH_EVERY)
        batch = []
        while not buffer.empty() and len(batch) < 1000:
            batch.append(buffer.get_nowait())
        if not batch:
            continue
        try:
            requests.post(COLLECTOR, json={"api_key": PROJECT_KEY, "batch": batch}, timeout=10)
        except requests.RequestException as exc:
            log.warning("flush failed, %d events dropped: %r", len(batch), exc)


@app.post("/capture")
def capture():
    event = request.get_json(silent=True)
    if not isinstance(event, dict) or "event" not in event:
        abort(400)
    try:
        buffer.put_nowait(event)
    except queue.Full:
        abort(503)
    return jsonify(status=1)


@app.route("/admin/login", methods=["GET", "POST"])
def admin_login():
    from werkzeug.security import check_password_hash

    if request.method == "POST":
        if ADMIN_PASSWORD_HASH and check_password_hash(ADMIN_PASSWORD_HASH, request.form.get("password", "")):
            session["admin"] = True
            return redirect(url_for("admin_status"))
        abort(403)
    return '<form method="post"><input type="password" name="password"><button>Login</button></form>'


@app.get("/admin/status")
def admin_status():
    if not session.get("admin"):
        return redirect(url_for("admin_login"))
    return jsonify(queued=buffer.qsize(), collector=COLLECTOR)


if __name__ == "__main__":
    threading.Thread(target=flusher, daemon=True).start()
    app.run(host=os.environ.get("RELAY_HOST", "127.0.0.1"), port=8088, debug=False)
