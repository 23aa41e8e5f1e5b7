"""Rental equipment waiver: capture signature and show a printable confirmation."""
import logging
import sqlite3
import uuid
from datetime import datetime, timezone

from flask import Flask, Response, abort, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("rental.waivers")
DB_PATH = "/var/lib/rental/waivers.db"

CONFIRM_TEMPLATE = """<!doctype html>
<html><head><title>Waiver {ref}</title></head>
<body>
<h1>Thanks, {guest}!</h1>
<p>Your waiver for the following equipment is on file:</p>
<ul>{items}</ul>
<p>Signed {signed_at} at {shop}</p>
</body></html>"""


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def render_items(equipment: list) -> str:
    rows = []
    for item in equipment:
        rows.append("<li>%s (size %s)</li>" % (item["kind"], item["size"]))
    return "".join(rows)


@app.route("/waivers", methods=["POST"])
def sign_waiver():
    form = request.form
    if form.get("accept") != "yes":
        abort(400, "waiver must be accepted")
    ref = uuid.uuid4().hex[:10]
    with db() as conn:
        conn.execute(
            "INSERT INTO waivers(ref, guest, shop, signed_at) VALUES (?, ?, ?, ?)",
            (ref, form["guest"], form.get("shop", "Base Lodge"), datetime.now(timezone.utc).isoformat()),
        )
        for kind, size in zip(form.getlist("kind"), form.getlist("size")):
            conn.execute("INSERT INTO waiver_items(ref, kind, size) VALUES (?, ?, ?)", (ref, kind, size))
    log.info("waiver %s signed", ref)
    return redirect(url_for("show_waiver", ref=ref))


@app.route("/waivers/<ref>")
def show_waiver(ref):
    with db() as conn:
        waiver = conn.execute("SELECT * FROM waivers WHERE ref = ?", (ref,)).fetchone()
        items = conn.execute("SELECT kind, size FROM waiver_items WHERE ref = ?", (ref,)).fetchall()
    if waiver is None:
        abort(404)
    page = CONFIRM_TEMPLATE.format(
        ref=ref,
        guest=waiver["guest"],
        items=render_items(items),
        signed_at=waiver["signed_at"][:16].replace("T", " "),
        shop=waiver["shop"],
    )
    return Response(page, mimetype="text/html")  # VULN flow


if __name__ == "__main__":
    app.run()
