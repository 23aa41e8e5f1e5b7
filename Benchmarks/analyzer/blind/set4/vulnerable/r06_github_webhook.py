import hashlib
import hmac
import json
import os

from flask import Flask, abort, request

from ci.queue import enqueue_build

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()


def _expected_signature(body: bytes) -> str:
    digest = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


@app.post("/hooks/github")
def github_hook():
    body = request.get_data()
    received = request.headers.get("X-Hub-Signature-256", "")
    if received != _expected_signature(body):  # VULN
        abort(401)
    event = request.headers.get("X-GitHub-Event", "")
    payload = json.loads(body)
    if event == "push" and payload.get("ref") == "refs/heads/main":
        enqueue_build(payload["repository"]["full_name"], payload["after"])
    return "", 204
