import hashlib
import os
import re
import subprocess
from urllib.parse import urlparse

from flask import Flask, request, jsonify, abort

app = Flask(__name__)
MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/srv/mirrors")
ALLOWED_HOSTS = {"github.com", "gitlab.com", "bitbucket.org"}
ID_RE = re.compile(r"^[0-9a-f]{16}$")


def mirror_path(mirror_id):
    return os.path.join(MIRROR_ROOT, mirror_id + ".git")


@app.post("/mirrors")
def create_mirror():
    url = str((request.get_json(silent=True) or {}).get("url", ""))
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    mirror_id = hashlib.sha256(url.encode()).hexdigest()[:16]
    dest = mirror_path(mirror_id)
    if not os.path.exists(dest):
        subprocess.run(["git", "clone", "--mirror", url, dest], check=True, timeout=600)
        os.chmod(dest, 0o777)  # VULN
    return jsonify({"id": mirror_id}), 201


@app.post("/mirrors/<mirror_id>/sync")
def sync_mirror(mirror_id):
    if not ID_RE.fullmatch(mirror_id) or not os.path.isdir(mirror_path(mirror_id)):
        abort(404)
    proc = subprocess.run(["git", "-C", mirror_path(mirror_id), "remote", "update", "--prune"], timeout=600)
    return jsonify({"ok": proc.returncode == 0})


@app.get("/mirrors/<mirror_id>/log")
def mirror_log(mirror_id):
    if not ID_RE.fullmatch(mirror_id) or not os.path.isdir(mirror_path(mirror_id)):
        abort(404)
    rev = request.args.get("rev", "HEAD")
    args = ["git", "-C", mirror_path(mirror_id), "log", "--oneline", "-n", "50", rev]
    out = subprocess.run(args, capture_output=True, text=True, timeout=30)  # VULN flow
    if out.returncode != 0:
        abort(400)
    return jsonify(out.stdout.splitlines())
