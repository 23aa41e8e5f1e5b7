"""Preview environment deployer: GitHub push webhook -> checkout + build.

Every branch pushed to one of the configured repositories gets its own
preview environment at https://<branch>.preview.example.com.
"""
import hashlib
import hmac
import logging
import os
import re
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("previews.deploy")

WEBHOOK_SECRET = os.environ["DEPLOY_WEBHOOK_SECRET"].encode()
PREVIEW_ROOT = os.environ.get("PREVIEW_ROOT", "/srv/previews")
REPOS = {
    "dashboard": "git@github.com:acme-analytics/dashboard.git",
    "docs": "git@github.com:acme-analytics/docs.git",
}
BRANCH_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")


def verify_signature(body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


class PreviewDeployer:
    def __init__(self, root: str):
        self.root = root

    def workdir(self, repo: str) -> str:
        return os.path.join(self.root, repo)

    def deploy(self, repo: str, branch: str) -> None:
        if not BRANCH_RE.match(branch) or ".." in branch:
            raise ValueError(f"refusing to deploy branch {branch!r}")
        wd = self.workdir(repo)
        if not os.path.isdir(wd):
            subprocess.run(["git", "clone", REPOS[repo], wd], check=True, timeout=300)
        steps = [
            ["git", "fetch", "origin", branch],
            ["git", "checkout", "-B", branch, f"origin/{branch}"],
            ["make", "preview", f"BRANCH={branch}"],
        ]
        for cmd in steps:
            subprocess.run(cmd, cwd=wd, check=True, timeout=900)


deployer = PreviewDeployer(PREVIEW_ROOT)


@app.post("/hooks/github")
def github_push():
    body = request.get_data()
    if not verify_signature(body, request.headers.get("X-Hub-Signature-256", "")):
        abort(401)
    if request.headers.get("X-GitHub-Event") != "push":
        return jsonify(ignored=True)
    payload = request.get_json()
    repo = payload["repository"]["name"]
    if repo not in REPOS:
        return jsonify(ignored=True)
    ref = payload.get("ref", "")
    if not ref.startswith("refs/heads/") or payload.get("deleted"):
        return jsonify(ignored=True)
    branch = ref[len("refs/heads/"):]
    try:
        deployer.deploy(repo, branch)
    except (subprocess.SubprocessError, ValueError) as exc:
        log.error("preview deploy failed for %r: %r", branch, exc)
        return jsonify(ok=False), 500
    return jsonify(ok=True, preview=f"https://{branch}.preview.example.com")
