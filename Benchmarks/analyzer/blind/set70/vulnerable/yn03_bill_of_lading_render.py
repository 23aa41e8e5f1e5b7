"""Printable bill of lading preview for the forwarder portal."""
import sqlite3

from flask import Flask, Response, abort, request

app = Flask(__name__)
DB_PATH = "/srv/forwarder/bl.db"

PAGE = """<!doctype html>
<html><head><title>B/L {bl_no}</title>
<link rel="stylesheet" href="/static/print.css"></head>
<body>
<h1>Bill of Lading {bl_no}</h1>
<table class="bl">
<tr><th>Shipper</th><td>{shipper}</td></tr>
<tr><th>Consignee</th><td>{consignee}</td></tr>
<tr><th>Notify party</th><td>{notify}</td></tr>
<tr><th>Port of loading</th><td>{pol}</td></tr>
<tr><th>Port of discharge</th><td>{pod}</td></tr>
<tr><th>Remarks</th><td>{remarks}</td></tr>
</table>
</body></html>"""


def load_bl(bl_no):
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.execute(
            "SELECT shipper, consignee, notify_party, pol, pod FROM bills WHERE bl_no = ?",
            (bl_no,),
        )
        return cur.fetchone()
    finally:
        conn.close()


def render_bl(bl_no, row, remarks):
    shipper, consignee, notify, pol, pod = row
    fields = {
        "bl_no": bl_no,
        "shipper": shipper,
        "consignee": consignee,
        "notify": notify or "SAME AS CONSIGNEE",
        "pol": pol,
        "pod": pod,
        "remarks": remarks,
    }
    return PAGE.format(**fields)


@app.route("/bl/<bl_no>/preview")
def preview(bl_no):
    row = load_bl(bl_no)
    if row is None:
        abort(404)
    remarks = request.args.get("remarks", "")
    body = render_bl(bl_no, row, remarks)
    return Response(body, mimetype="text/html")  # VULN flow


@app.route("/bl/<bl_no>/raw")
def raw(bl_no):
    row = load_bl(bl_no)
    if row is None:
        abort(404)
    keys = ("shipper", "consignee", "notify_party", "pol", "pod")
    return dict(zip(keys, row))
