"""Ops dashboard endpoints for checking connectivity to hotel channel managers."""
import json
import logging
import subprocess

from bottle import Bottle, HTTPResponse, request, response

log = logging.getLogger("channel_diag")
app = Bottle()

CHANNELS = {
    "siteminder": "api.siteminder.example.com",
    "cloudbeds": "hotels.cloudbeds.example.com",
    "mews": "connector.mews.example.li",
}


def diag_target(name):
    override = request.forms.get("host", "").strip()
    if override and override in CHANNELS.values():
        return override
    return CHANNELS.get(name)


def run(cmd):
    log.info("diag: %r", cmd)
    proc = subprocess.run(cmd, shell=False, capture_output=True, text=True, timeout=30)
    return proc.returncode, proc.stdout + proc.stderr


@app.post("/ops/channels/<name>/ping")
def ping_channel(name):
    host = diag_target(name)
    if not host:
        return HTTPResponse(json.dumps({"error": "unknown channel"}), status=404)
    try:
        count = max(1, min(int(request.forms.get("count", "3")), 10))
    except ValueError:
        count = 3
    rc, out = run(["ping", "-c", str(count), "-W", "2", host])
    response.content_type = "application/json"
    return json.dumps({"channel": name, "host": host, "ok": rc == 0, "output": out})


@app.post("/ops/channels/<name>/trace")
def trace_channel(name):
    host = diag_target(name)
    if not host:
        return HTTPResponse(json.dumps({"error": "unknown channel"}), status=404)
    rc, out = run(["traceroute", "-m", "15", "-w", "2", host])
    response.content_type = "application/json"
    return json.dumps({"channel": name, "host": host, "ok": rc == 0, "output": out})


@app.get("/ops/channels")
def list_channels():
    response.content_type = "application/json"
    return json.dumps(CHANNELS)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8070)
