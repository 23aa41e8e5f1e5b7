"""Bottle micro-site where importers check the clearance status of a customs declaration."""
import os
import sqlite3
from urllib.parse import urlparse

from bottle import Bottle, html_escape, redirect, request, response, template

app = Bottle()
DB_PATH = os.environ.get("CLEARANCE_DB", "/var/lib/customs/clearance.db")
COOKIE_SECRET = os.environ["CLEARANCE_COOKIE_SECRET"]
OFFICES = {"NLRTM": "Rotterdam Maasvlakte", "BEANR": "Antwerp", "DEHAM": "Hamburg Waltershof"}

STATUS_TPL = """
<h2>Declaration {{ref}}</h2>
<p>Office: {{office}}</p>
<p>Status: <strong>{{status}}</strong></p>
<p>Last update: {{updated}}</p>
"""


def lookup(ref: str, office: str):
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(
            "SELECT status, updated_at FROM declarations WHERE mrn = ? AND office = ?",
            (ref, office),
        ).fetchone()
    finally:
        conn.close()


def current_office() -> str:
    office = request.get_cookie("office", secret=COOKIE_SECRET)
    return office if office in OFFICES else "NLRTM"


def local_path(target: str) -> str:
    parts = urlparse(target.replace("\\", "/"))
    if not target.startswith("/") or parts.scheme or parts.netloc:
        return "/"
    return target


@app.get("/declarations/<ref>")
def declaration(ref):
    office = current_office()
    row = lookup(ref.upper(), office)
    if row is None:
        response.status = 404
        message = "<h3>Declaration %s not found at %s</h3>" % (html_escape(ref), OFFICES[office])
        return message
    status, updated = row
    return template(STATUS_TPL, ref=ref.upper(), office=OFFICES[office], status=status, updated=updated)


@app.get("/office")
def switch_office():
    office = request.query.get("office", "")
    if office in OFFICES:
        response.set_cookie("office", office, secret=COOKIE_SECRET, httponly=True, path="/")
    redirect(local_path(request.query.get("return_to") or "/"))


@app.get("/")
def index():
    return template("<p>Current office: {{name}}</p>", name=OFFICES[current_office()])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
