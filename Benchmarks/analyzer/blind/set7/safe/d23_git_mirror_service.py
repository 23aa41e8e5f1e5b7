import os
import re
import subprocess
from urllib.parse import urlsplit

from flask import Flask, jsonify, request

app = Flask(__name__)
MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/srv/mirrors")
ALLOWED_GIT_HOSTS = {"github.com", "gitlab.com", "git.corp.internal"}
REPO_PATH_RE = re.compile(r"/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(\.git)?")
NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,80}")


def validate_url(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_GIT_HOSTS or parts.username or parts.password:
        raise ValueError("repository must be an https URL on an approved host")
    if not REPO_PATH_RE.fullmatch(parts.path) or parts.query or parts.fragment:
        raise ValueError("unexpected repository path")
    return f"https://{parts.hostname}{parts.path}"


@app.post("/mirrors")
def create_mirror():
    body = request.get_json(force=True)
    try:
        url = validate_url(str(body.get("url", "")))
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    name = re.sub(r"[^A-Za-z0-9_-]", "_", url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git"))[:80]
    dest = os.path.join(MIRROR_ROOT, name + ".git")
    if os.path.isdir(dest):
        return jsonify(error="mirror exists"), 409
    proc = subprocess.run(["git", "clone", "--mirror", "--", url, dest], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        return jsonify(error="clone failed"), 502
    return jsonify(path=dest), 201


@app.post("/mirrors/<name>/refresh")
def refresh_mirror(name):
    if not NAME_RE.fullmatch(name):
        return jsonify(error="bad name"), 400
    dest = os.path.join(MIRROR_ROOT, name + ".git")
    if not os.path.isdir(dest):
        return jsonify(error="unknown mirror"), 404
    proc = subprocess.run(["git", "-C", dest, "fetch", "--prune", "origin"], capture_output=True, text=True, timeout=600)
    return jsonify(ok=proc.returncode == 0)


@app.get("/mirrors")
def list_mirrors():
    names = sorted(n[:-4] for n in os.listdir(MIRROR_ROOT) if n.endswith(".git"))
    return jsonify(mirrors=names)
