"""Network diagnostics page for the smart-home hub (Bottle).

Exposed to support staff through the hub's authenticated admin proxy
(/admin/diag -> :8081) when a camera or lock keeps dropping off Wi-Fi.
"""
import logging
import os
import re

from bottle import Bottle, HTTPError, request, template

log = logging.getLogger("hub.diag")
app = Bottle()

RESULT_TPL = """<h3>{{title}}</h3><pre>{{output}}</pre>"""
COUNT_RE = re.compile(r"^[1-9]$")


def build_ping(host, count):
    return "ping -c %s -W 2 %s" % (count, host)


def build_trace(host):
    return "traceroute -m 12 -w 2 " + host


def run_tool(cmdline):
    log.info("diag: %r", cmdline)
    with os.popen(cmdline) as pipe:  # VULN flow
        return pipe.read()[-8000:]


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
    app.run(host="0.0.0.0", port=8081)  # VULN
