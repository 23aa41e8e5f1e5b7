import re

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

GITHUB_API = "https://api.github.com"
REPO_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}")
SHA_RE = re.compile(r"[0-9a-f]{40}")


@app.route("/ci/status")
def commit_status():
    repo = request.args.get("repo", "")
    sha = request.args.get("sha", "").lower()
    if not REPO_RE.fullmatch(repo) or not SHA_RE.fullmatch(sha):
        return jsonify(error="invalid repo or sha"), 400
    resp = requests.get(
        f"{GITHUB_API}/repos/{repo}/commits/{sha}/status",
        headers={"Accept": "application/vnd.github+json"},
        timeout=10,
    )
    if resp.status_code != 200:
        return jsonify(error="upstream error", status=resp.status_code), 502
    data = resp.json()
    return jsonify(state=data.get("state"), total=data.get("total_count", 0))
