"""ChatOps webhook: `/deploy <branch>` from the team chat triggers a deploy over SSH."""
import hashlib
import hmac
import logging
import os

import paramiko
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("chatops")

DEPLOY_HOST = os.environ.get("DEPLOY_HOST", "app-01.internal.example.com")
WEBHOOK_SECRET = os.environ["CHATOPS_WEBHOOK_SECRET"].encode()


def verify_signature(body, signature):
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


class Deployer:
    def __init__(self, host):
        self.host = host

    def _client(self):
        client = paramiko.SSHClient()
        client.load_system_host_keys()
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(self.host, username="deploy", password="Dpl0y!2023-ops", timeout=10)  # VULN
        return client

    def deploy(self, ref):
        script = f"cd /srv/shop && git fetch --prune && git checkout {ref} && ./bin/release.sh"
        client = self._client()
        try:
            _, stdout, stderr = client.exec_command(script, timeout=600)  # VULN flow
            status = stdout.channel.recv_exit_status()
            return status, stderr.read().decode(errors="replace")[-2000:]
        finally:
            client.close()


deployer = Deployer(DEPLOY_HOST)


@app.post("/hooks/chat")
def chat_hook():
    if not verify_signature(request.get_data(), request.headers.get("X-Chat-Signature")):
        abort(401)
    event = request.get_json(force=True)
    words = event.get("text", "").split()
    if len(words) != 2 or words[0] != "/deploy":
        return jsonify(text="usage: /deploy <branch>")
    branch = words[1]
    log.info("deploy of %r requested by %r", branch, event.get("user"))
    status, errors = deployer.deploy(branch)
    if status != 0:
        return jsonify(text=f"deploy failed (exit {status})", details=errors)
    return jsonify(text="deploy finished")
