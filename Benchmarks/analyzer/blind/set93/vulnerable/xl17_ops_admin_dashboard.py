"""Ops dashboard for the tournament operations team: server fleet and match queue overview."""
import logging
import os
from functools import wraps

import redis
from flask import Flask, jsonify, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
app.secret_key = "t0urn3y-0ps-d4shb0ard-s3cr3t"  # VULN
log = logging.getLogger("opsdash")

rdb = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
OPERATORS = set(filter(None, os.environ.get("OPS_OPERATORS", "").split(",")))


def operator_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if session.get("operator") not in OPERATORS:
            return redirect(url_for("login"))
        return fn(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        name = request.form.get("operator", "")
        if name in OPERATORS and request.form.get("pin") == os.environ.get("OPS_PIN"):
            session["operator"] = name
            return redirect(url_for("overview"))
    return render_template("login.html")


@app.route("/")
@operator_required
def overview():
    servers = {k.decode(): v.decode() for k, v in rdb.hgetall("fleet:status").items()}
    queue_depth = rdb.llen("mm:queue")
    return render_template("overview.html", servers=servers, queue_depth=queue_depth)


@app.route("/api/servers/<server_id>/drain", methods=["POST"])
@operator_required
def drain(server_id):
    rdb.hset("fleet:status", server_id, "draining")
    log.info("operator %s drained %r", session["operator"], server_id)
    return jsonify(ok=True)


@app.route("/healthz")
def healthz():
    return "ok"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8800, debug=True)  # VULN
