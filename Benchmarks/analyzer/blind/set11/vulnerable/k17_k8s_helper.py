"""Slack slash-command backend: /podlogs <pod> [namespace]"""
import hashlib
import hmac
import os
import subprocess
import time

from bottle import Bottle, abort, request, response

app = Bottle()
SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
KUBECONFIG = os.environ.get("KUBECONFIG", "/etc/podlogs/kubeconfig")


def verify_slack(req):
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if not ts.isdigit() or abs(time.time() - int(ts)) > 300:
        abort(401, "stale request")
    body = req.body.read()
    base = b"v0:" + ts.encode() + b":" + body
    expected = "v0=" + hmac.new(SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", "")):
        abort(401, "bad signature")


def fetch_logs(pod, namespace):
    cmd = "kubectl --kubeconfig %s logs --tail=100 -n %s %s" % (KUBECONFIG, namespace, pod)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20)  # VULN flow
    return proc.stdout if proc.returncode == 0 else "could not fetch logs"


@app.post("/slack/podlogs")
def podlogs():
    verify_slack(request)
    args = request.forms.get("text", "").split()
    if not args:
        return {"response_type": "ephemeral", "text": "usage: /podlogs <pod> [namespace]"}
    pod = args[0]
    namespace = args[1] if len(args) > 1 else "default"
    output = fetch_logs(pod, namespace)
    response.content_type = "application/json"
    return {"response_type": "ephemeral", "text": "```" + output[-3500:] + "```"}


@app.get("/healthz")
def healthz():
    return "ok"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=3000)
