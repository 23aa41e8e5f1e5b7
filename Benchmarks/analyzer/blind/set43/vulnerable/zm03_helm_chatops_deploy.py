"""ChatOps endpoint: `/deploy <release> <chart-version> [namespace]` from Slack."""
import hashlib
import hmac
import logging
import os
import subprocess
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("chatops.deploy")

SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
CHART_REPO = os.environ.get("CHART_REPO", "oci://registry.internal/charts")
DEFAULT_NAMESPACE = "staging"


def verify_slack_signature(req) -> None:
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        abort(403)
    basestring = f"v0:{ts}:{req.get_data(as_text=True)}".encode()
    expected = "v0=" + hmac.new(SIGNING_SECRET, basestring, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", "")):
        abort(403)


def parse_command(text: str) -> dict:
    parts = text.split()
    if len(parts) < 2:
        raise ValueError("usage: /deploy <release> <version> [namespace]")
    return {
        "release": parts[0],
        "version": parts[1],
        "namespace": parts[2] if len(parts) > 2 else DEFAULT_NAMESPACE,
    }


def build_helm_command(spec: dict, user: str) -> str:
    chart = f"{CHART_REPO}/{spec['release']}"
    return (
        f"helm upgrade --install {spec['release']} {chart} "
        f"--version {spec['version']} --namespace {spec['namespace']} "
        f"--set-string deployedBy={user} --wait --timeout 5m"
    )


def run_helm(cmd: str) -> str:
    log.info("executing: %r", cmd)
    out = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, timeout=400)  # VULN flow
    return out.decode(errors="replace")[-1500:]


@app.route("/slack/deploy", methods=["POST"])
def deploy():
    verify_slack_signature(request)
    user = request.form.get("user_name", "unknown")
    try:
        spec = parse_command(request.form.get("text", ""))
    except ValueError as exc:
        return jsonify(response_type="ephemeral", text=str(exc))

    cmd = build_helm_command(spec, user)
    try:
        output = run_helm(cmd)
    except subprocess.CalledProcessError as exc:
        return jsonify(response_type="ephemeral", text=f"helm failed:\n```{exc.output.decode()[-800:]}```")

    return jsonify(
        response_type="in_channel",
        text=f"{user} deployed {spec['release']}@{spec['version']} to {spec['namespace']}\n```{output}```",
    )


if __name__ == "__main__":
    app.run(port=3000)
