"""Tiny Bottle dashboard showing deploy status per service for the on-call rota."""
import json
import os
import time

import bottle
from bottle import request, response, route, run

STATUS_FILE = os.environ.get("STATUS_FILE", "/var/lib/deploy-status/status.json")
COOKIE_SECRET = "d3ploy-dash-cookie-k3y-2022"  # VULN

PAGE = """<!doctype html>
<html><head><title>Deploy status</title></head>
<body>
<p class="greeting">{greeting}</p>
<p>Filter: <b>{filter}</b></p>
<table>
<tr><th>Service</th><th>Version</th><th>Deployed</th></tr>
{rows}
</table>
</body></html>"""


def load_status() -> list:
    with open(STATUS_FILE) as fh:
        return json.load(fh)["services"]


def render_rows(services: list) -> str:
    out = []
    for svc in services:
        when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(svc["deployed_at"]))
        out.append(f"<tr><td>{svc['name']}</td><td>{svc['version']}</td><td>{when}</td></tr>")
    return "\n".join(out)


@route("/")
def dashboard():
    who = request.get_cookie("oncall_name", secret=COOKIE_SECRET) or "on-call"
    term = request.query.get("q", "")
    services = [s for s in load_status() if term.lower() in s["name"].lower()]
    page = PAGE.format(greeting=f"Hello {who}", filter=term or "(none)", rows=render_rows(services))
    response.content_type = "text/html; charset=utf-8"
    return page  # VULN flow


@route("/whoami", method="POST")
def set_name():
    name = request.forms.getunicode("name", "on-call")[:40]
    response.set_cookie("oncall_name", name, secret=COOKIE_SECRET, httponly=True, max_age=86400 * 7)
    return bottle.redirect("/")


@route("/api/status")
def api_status():
    response.content_type = "application/json"
    return json.dumps(load_status())


if __name__ == "__main__":
    run(host="127.0.0.1", port=int(os.environ.get("PORT", "8060")))
