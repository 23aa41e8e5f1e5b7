import os
import re
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/srv/mirrors")


def mirror_name(url, requested):
    raw = requested or url.rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9_-]", "_", raw.removesuffix(".git"))
    return name[:80] or "repo"


@app.post("/mirrors")
def create_mirror():
    body = request.get_json(force=True)
    url = body["url"]
    dest = os.path.join(MIRROR_ROOT, mirror_name(url, body.get("name")) + ".git")
    if os.path.isdir(dest):
        return jsonify(error="mirror exists"), 409
    cmd = ["git", "clone", "--mirror", url, dest]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)  # VULN flow
    if proc.returncode != 0:
        return jsonify(error="clone failed"), 502
    return jsonify(path=dest), 201


@app.post("/mirrors/<name>/refresh")
def refresh_mirror(name):
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", name):
        return jsonify(error="bad name"), 400
    dest = os.path.join(MIRROR_ROOT, name + ".git")
    if not os.path.isdir(dest):
        return jsonify(error="unknown mirror"), 404
    proc = subprocess.run(["git", "-C", dest, "fetch", "--prune", request.args.get("remote", "origin")], capture_output=True, text=True, timeout=600)  # VULN
    return jsonify(ok=proc.returncode == 0)


@app.get("/mirrors")
def list_mirrors():
    names = sorted(n[:-4] for n in os.listdir(MIRROR_ROOT) if n.endswith(".git"))
    return jsonify(mirrors=names)
