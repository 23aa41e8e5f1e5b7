"""Push webhook from the internal git server that queues config-repo deployments."""
import hashlib
import hmac
import logging
import os
import queue

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("deploy-hook")

WEBHOOK_SECRET = os.environ["DEPLOY_HOOK_SECRET"]
WATCHED_REPOS = {"netops/device-configs", "netops/monitoring-rules"}
WATCHED_BRANCH = "refs/heads/main"

deploy_queue: "queue.Queue[dict]" = queue.Queue(maxsize=100)


def compute_signature(body: bytes) -> str:
    digest = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return "sha256=" + digest


def verify_request(req) -> bool:
    received = req.headers.get("X-Repo-Signature-256", "")
    expected = compute_signature(req.get_data())
    return hmac.compare_digest(received, expected)


def build_job(payload: dict) -> dict:
    return {
        "repo": payload.get("repository", {}).get("full_name"),
        "sha": payload.get("after"),
        "pusher": payload.get("pusher", {}).get("name"),
        "commits": len(payload.get("commits", [])),
    }


@app.post("/hooks/deploy")
def deploy_hook():
    if not verify_request(request):
        log.warning("rejected webhook from %s", request.remote_addr)
        abort(401)

    event = request.headers.get("X-Repo-Event", "")
    if event == "ping":
        return jsonify(ok=True)
    if event != "push":
        return jsonify(ignored=True), 202

    payload = request.get_json(silent=True) or {}
    job = build_job(payload)
    if job["repo"] not in WATCHED_REPOS or payload.get("ref") != WATCHED_BRANCH:
        return jsonify(ignored=True), 202

    try:
        deploy_queue.put_nowait(job)
    except queue.Full:
        log.error("deploy queue full, dropping %r", job["sha"])
        abort(503)

    log.info("queued deployment of %r at %r", job["repo"], job["sha"])
    return jsonify(queued=True, sha=job["sha"]), 202


@app.get("/hooks/deploy/pending")
def pending():
    return jsonify(pending=deploy_queue.qsize())
