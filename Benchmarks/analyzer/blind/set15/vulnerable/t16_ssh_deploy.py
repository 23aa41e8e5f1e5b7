"""Git-push deploy hook: checks out a branch on the app servers over SSH."""
import hmac
import hashlib
import logging
import os
from dataclasses import dataclass

import paramiko
from flask import Flask, abort, jsonify, request

logger = logging.getLogger("deploy.hook")
app = Flask(__name__)

WEBHOOK_SECRET = os.environ["DEPLOY_WEBHOOK_SECRET"].encode()
SSH_KEY_PATH = os.environ.get("DEPLOY_SSH_KEY", "/etc/deploy/id_ed25519")
HOSTS = ["app-1.internal", "app-2.internal"]
APP_DIR = "/srv/shop"


@dataclass
class DeployRequest:
    repository: str
    branch: str
    commit: str
    pusher: str


class RemoteShell:
    def __init__(self, host: str, user: str = "deploy"):
        self.client = paramiko.SSHClient()
        self.client.load_system_host_keys()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())
        self.client.connect(host, username=user, key_filename=SSH_KEY_PATH, timeout=15)
        self.host = host

    def run(self, command: str) -> tuple:
        _, stdout, stderr = self.client.exec_command(command, timeout=300)  # VULN flow
        code = stdout.channel.recv_exit_status()
        return code, stdout.read().decode(errors="replace"), stderr.read().decode(errors="replace")

    def close(self) -> None:
        self.client.close()


class Deployer:
    def __init__(self, hosts: list):
        self.hosts = hosts

    def script_for(self, req: DeployRequest) -> str:
        return (
            f"cd {APP_DIR} && git fetch origin && git checkout {req.branch} && "
            f"git reset --hard {req.commit} && ./bin/restart"
        )

    def deploy(self, req: DeployRequest) -> dict:
        results = {}
        for host in self.hosts:
            shell = RemoteShell(host)
            try:
                code, _, err = shell.run(self.script_for(req))
                results[host] = code
                if code:
                    logger.error("deploy failed on %s: %r", host, err[-400:])
            finally:
                shell.close()
        return results


def verify_signature(body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


@app.route("/hooks/push", methods=["POST"])
def on_push():
    if not verify_signature(request.get_data(), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    event = request.get_json()
    req = DeployRequest(
        repository=event["repository"]["full_name"],
        branch=event["ref"].rsplit("/", 1)[-1],
        commit=event["after"],
        pusher=event["pusher"]["name"],
    )
    logger.info("deploy %r@%r by %r", req.branch, req.commit, req.pusher)
    return jsonify(Deployer(HOSTS).deploy(req))
