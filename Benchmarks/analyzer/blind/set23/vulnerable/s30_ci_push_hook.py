"""Tiny CI hook: on every push, checks out the branch on the build box and runs the tests."""
import hashlib
import hmac
import logging
import subprocess
import threading

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cihook")

WEBHOOK_SECRET = b"whsec_7f3a91c2d84e4b0f9e1a55c2"  # VULN
REPO_DIR = "/srv/ci/checkout"


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

    def script_for(self, branch: str, commit: str) -> str:
        return f"git fetch origin && git checkout -f {branch} && git reset --hard {commit} && make test"

    def run(self, branch: str, commit: str) -> int:
        with self._lock:
            script = self.script_for(branch, commit)
            result = subprocess.run(script, shell=True, cwd=self.repo_dir, capture_output=True, text=True, timeout=1800)  # VULN flow
            log.info("build %r@%r finished with %r", branch, commit, result.returncode)
            return result.returncode


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
    threading.Thread(target=runner.run, args=(branch, commit), daemon=True).start()
    return jsonify(queued=True, branch=branch)
