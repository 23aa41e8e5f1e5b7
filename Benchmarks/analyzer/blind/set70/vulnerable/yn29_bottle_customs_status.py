"""Bottle micro-site where importers check the clearance status of a customs declaration."""
import os
import sqlite3

from bottle import Bottle, redirect, request, response, template

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


@app.get("/declarations/<ref>")
def declaration(ref):
    office = current_office()
    row = lookup(ref.upper(), office)
    if row is None:
        response.status = 404
        message = "<h3>Declaration %s not found at %s</h3>" % (ref, OFFICES[office])
        return message  # VULN flow
    status, updated = row
    return template(STATUS_TPL, ref=ref.upper(), office=OFFICES[office], status=status, updated=updated)


@app.get("/office")
def switch_office():
    office = request.query.get("office", "")
    if office in OFFICES:
        response.set_cookie("office", office, secret=COOKIE_SECRET, httponly=True, path="/")
    redirect(request.query.get("return_to") or "/")  # VULN


@app.get("/")
def index():
    return template("<p>Current office: {{name}}</p>", name=OFFICES[current_office()])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
