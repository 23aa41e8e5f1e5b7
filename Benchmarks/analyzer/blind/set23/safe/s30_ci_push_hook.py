"""Tiny CI hook: on every push, checks out the branch on the build box and runs the tests."""
import hashlib
import hmac
import logging
import os
import re
import subprocess
import threading

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cihook")

WEBHOOK_SECRET = os.environ["CI_WEBHOOK_SECRET"].encode()
REPO_DIR = "/srv/ci/checkout"
BRANCH_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/-]{0,99}")
SHA_RE = re.compile(r"[0-9a-f]{40}")


class SignatureVerifier:
    def __init__(self, secret: bytes):
        self.secret = secret

    def valid(self, body: bytes, header: str) -> bool:
        expected = "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, header or "")


class BuildRunner:
    def __init__(self, repo_dir: str):
        self.repo_dir = repo_dir
        self._lock = threading.Lock()

    def script_for(self, branch: str, commit: str) -> list:
        return [
            ["git", "fetch", "origin"],
            ["git", "checkout", "-f", branch],
            ["git", "reset", "--hard", commit],
            ["make", "test"],
        ]

    def run(self, branch: str, commit: str) -> int:
        with self._lock:
            returncode = 0
            for step in self.script_for(branch, commit):
                result = subprocess.run(step, shell=False, cwd=self.repo_dir, capture_output=True, text=True, timeout=1800)
                returncode = result.returncode
                if returncode != 0:
                    break
            log.info("build %r@%r finished with %r", branch, commit, returncode)
            return returncode


verifier = SignatureVerifier(WEBHOOK_SECRET)
runner = BuildRunner(REPO_DIR)


@app.post("/hooks/push")
def on_push():
    if not verifier.valid(request.get_data(), request.headers.get("X-Hub-Signature-256", "")):
        abort(401)
    event = request.get_json(force=True)
    ref = str(event.get("ref", ""))
    if not ref.startswith("refs/heads/"):
        return jsonify(skipped=True)
    branch = ref[len("refs/heads/"):]
    commit = str(event.get("after", ""))
    if not BRANCH_RE.fullmatch(branch) or not SHA_RE.fullmatch(commit):
        abort(400, "unexpected branch name or commit id")
    threading.Thread(target=runner.run, args=(branch, commit), daemon=True).start()
    return jsonify(queued=True, branch=branch)
