"""GitHub webhook receiver that builds preview environments for pull requests."""
import hashlib
import hmac
import logging
import os
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("preview-deploy")

WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
CHECKOUT_DIR = os.environ.get("PREVIEW_CHECKOUT", "/srv/previews/repo")
PREVIEW_DOMAIN = os.environ.get("PREVIEW_DOMAIN", "preview.dev.internal")


def verify_signature(body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


class PreviewBuild:
    def __init__(self, pr_number: int, head_ref: str, sha: str):
        self.pr_number = pr_number
        self.head_ref = head_ref
        self.sha = sha

    @property
    def slug(self) -> str:
        return f"pr-{self.pr_number}"

    def script(self) -> str:
        steps = [
            "git fetch --prune origin",
            f"git checkout -B {self.slug} origin/{self.head_ref}",
            f"docker compose -p {self.slug} up -d --build",
        ]
        return " && ".join(steps)


def run_build(build: PreviewBuild) -> subprocess.CompletedProcess:
    cmd = build.script()
    log.info("building preview %s at %s", build.slug, build.sha[:10])
    return subprocess.run(["/bin/sh", "-c", cmd], cwd=CHECKOUT_DIR,  # VULN flow
                          capture_output=True, text=True, timeout=1200)


@app.route("/hooks/github", methods=["POST"])
def github_hook():
    body = request.get_data()
    if not verify_signature(body, request.headers.get("X-Hub-Signature-256")):
        abort(401)
    if request.headers.get("X-GitHub-Event") != "pull_request":
        return jsonify({"ignored": True})

    event = request.get_json()
    if event.get("action") not in {"opened", "synchronize", "reopened"}:
        return jsonify({"ignored": True})
    pr = event["pull_request"]
    build = PreviewBuild(pr["number"], pr["head"]["ref"], pr["head"]["sha"])
    result = run_build(build)
    if result.returncode != 0:
        log.error("preview %s failed:\n%s", build.slug, result.stderr[-2000:])
        return jsonify({"preview": build.slug, "status": "failed"}), 500
    return jsonify({"preview": build.slug, "url": f"https://{build.slug}.{PREVIEW_DOMAIN}"})
