"""NetOps self-service panel: reachability checks from the monitoring host."""
import ipaddress
import logging
import re
import subprocess

from flask import Flask, jsonify, render_template, request

app = Flask(__name__)
log = logging.getLogger("netops.panel")

DEFAULT_COUNT = 3
TRACE_BIN = "/usr/sbin/traceroute"
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
IFACE_RE = re.compile(r"^[a-z0-9]{1,15}$")


def valid_target(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(host))


class ProbeRequest:
    def __init__(self, form):
        self.host = (form.get("host") or "").strip()
        self.count = max(1, min(int(form.get("count", DEFAULT_COUNT)), 10))
        self.interface = form.get("iface")
        if self.interface and not IFACE_RE.match(self.interface):
            raise ValueError("bad interface name")

    def ping_command(self):
        parts = ["ping", "-c", str(self.count), "-W", "2"]
        if self.interface:
            parts += ["-I", self.interface]
        parts += ["--", self.host]
        return parts


def summarize(output):
    m = re.search(r"(\d+) packets transmitted, (\d+) (?:packets )?received", output)
    rtt = re.search(r"= [\d.]+/([\d.]+)/", output)
    return {
        "sent": int(m.group(1)) if m else None,
        "received": int(m.group(2)) if m else None,
        "avg_ms": float(rtt.group(1)) if rtt else None,
    }


@app.route("/")
def index():
    return render_template("panel.html")


@app.route("/api/ping", methods=["POST"])
def ping():
    try:
        probe = ProbeRequest(request.form)
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400
    if not valid_target(probe.host):
        return jsonify({"error": "a valid host is required"}), 400
    cmd = probe.ping_command()
    log.info("ping requested by %s", request.remote_addr)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    return jsonify({"rc": proc.returncode, **summarize(proc.stdout), "raw": proc.stdout})


@app.route("/api/trace", methods=["POST"])
def trace():
    host = request.form.get("host", "").strip()
    max_hops = max(1, min(int(request.form.get("max_hops", 20)), 64))
    if not valid_target(host):
        return jsonify({"error": "a valid host is required"}), 400
    proc = subprocess.run([TRACE_BIN, "-m", str(max_hops), "-w", "2", host],
                          capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    return jsonify({"raw": output})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5055)
