"""Slack slash-command endpoint: `/deploy <service> <git-ref>`."""
import hashlib
import hmac
import logging
import os
import re
import subprocess
import time
from typing import List

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("chatops.deploy")

SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
DEPLOY_ROOT = os.environ.get("DEPLOY_ROOT", "/opt/deploy")
SERVICES = {"api", "web", "worker", "scheduler"}
REF_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")


def verify_slack_request(req) -> None:
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    try:
        if abs(time.time() - int(ts)) > 300:
            abort(403)
    except ValueError:
        abort(403)
    base = f"v0:{ts}:".encode() + req.get_data()
    expected = "v0=" + hmac.new(SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", "")):
        abort(403)


class DeployJob:
    def __init__(self, service: str, ref: str, requested_by: str):
        self.service = service
        self.ref = ref
        self.requested_by = requested_by

    def command(self) -> List[str]:
        return [f"{DEPLOY_ROOT}/bin/deploy.sh", "--service", self.service, "--ref", self.ref]

    def run(self) -> subprocess.CompletedProcess:
        cmd = self.command()
        log.info("deploy by %r: service=%r ref=%r", self.requested_by, self.service, self.ref)
        return subprocess.run(cmd, cwd=DEPLOY_ROOT, capture_output=True, text=True, timeout=900)


@app.route("/slack/deploy", methods=["POST"])
def deploy_command():
    verify_slack_request(request)
    text = request.form.get("text", "").strip()
    user = request.form.get("user_name", "unknown")
    parts = text.split(None, 1)
    if len(parts) != 2:
        return jsonify(text="usage: /deploy <service> <git-ref>")
    service, ref = parts
    if service not in SERVICES:
        return jsonify(text=f"unknown service `{service}`")
    if not REF_RE.fullmatch(ref) or ".." in ref:
        return jsonify(text="git ref may only contain letters, digits, '.', '_', '/' and '-'")
    try:
        result = DeployJob(service, ref, user).run()
    except subprocess.TimeoutExpired:
        return jsonify(text="deploy timed out, check the deploy dashboard")
    status = "succeeded" if result.returncode == 0 else "failed"
    tail = "\n".join(result.stdout.splitlines()[-15:])
    return jsonify(response_type="in_channel",
                   text=f"Deploy of {service}@{ref} {status}\n```{tail}```")


if __name__ == "__main__":
    app.run(port=3000)
