"""NetOps self-service panel: reachability checks from the monitoring host."""
import logging
import os
import re
import subprocess

from flask import Flask, jsonify, render_template, request

app = Flask(__name__)
log = logging.getLogger("netops.panel")

DEFAULT_COUNT = 3
TRACE_BIN = "/usr/sbin/traceroute"


class ProbeRequest:
    def __init__(self, form):
        self.host = (form.get("host") or "").strip()
        self.count = form.get("count", DEFAULT_COUNT)
        self.interface = form.get("iface")

    def ping_command(self):
        parts = ["ping", "-c", str(self.count), "-W", "2"]
        if self.interface:
            parts += ["-I", self.interface]
        parts.append(self.host)
        return " ".join(parts)


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
    probe = ProbeRequest(request.form)
    if not probe.host:
        return jsonify({"error": "host is required"}), 400
    cmd = probe.ping_command()
    log.info("ping requested by %s", request.remote_addr)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    return jsonify({"rc": proc.returncode, **summarize(proc.stdout), "raw": proc.stdout})


@app.route("/api/trace", methods=["POST"])
def trace():
    host = request.form.get("host", "").strip()
    max_hops = int(request.form.get("max_hops", 20))
    stream = os.popen(f"{TRACE_BIN} -m {max_hops} -w 2 {host} 2>&1")  # VULN flow
    output = stream.read()
    stream.close()
    return jsonify({"raw": output})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5055)
