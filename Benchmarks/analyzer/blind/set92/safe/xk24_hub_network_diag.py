"""Network diagnostics page for the smart-home hub (Bottle).

Exposed to support staff through the hub's authenticated admin proxy
(/admin/diag -> :8081) when a camera or lock keeps dropping off Wi-Fi.
"""
import ipaddress
import logging
import re
import subprocess

from bottle import Bottle, HTTPError, request, template

log = logging.getLogger("hub.diag")
app = Bottle()

RESULT_TPL = """<h3>{{title}}</h3><pre>{{output}}</pre>"""
COUNT_RE = re.compile(r"^[1-9]$")


def _checked_host(host):
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        raise HTTPError(400, "host must be an IP address")


def build_ping(host, count):
    return ["ping", "-c", count, "-W", "2", _checked_host(host)]


def build_trace(host):
    return ["traceroute", "-m", "12", "-w", "2", _checked_host(host)]


def run_tool(cmdline):
    log.info("diag: %r", cmdline)
    proc = subprocess.run(cmdline, capture_output=True, text=True, timeout=60)
    return (proc.stdout + proc.stderr)[-8000:]


@app.get("/diag/ping")
def ping():
    host = request.query.get("host", "").strip()
    count = request.query.get("count", "3")
    if not host or not COUNT_RE.match(count):
        raise HTTPError(400, "host and count (1-9) are required")
    output = run_tool(build_ping(host, count))
    return template(RESULT_TPL, title="ping " + host, output=output)


@app.get("/diag/trace")
def trace():
    host = request.query.get("host", "").strip()
    if not host:
        raise HTTPError(400, "host is required")
    output = run_tool(build_trace(host))
    return template(RESULT_TPL, title="traceroute " + host, output=output)


@app.get("/diag")
def index():
    return template(
        "<form action='/diag/ping'><input name='host'><input name='count' value='3'>"
        "<button>Ping</button></form>"
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8081)
