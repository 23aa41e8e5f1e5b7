"""Weighbridge ticket archive: lets hauliers download their PDF tickets.

Layout on disk: <TICKET_ROOT>/<haulier_id>/<site dir>/<ticket_no>.<fmt>
"""
import logging
import os

from flask import Flask, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["TICKET_PORTAL_SECRET"]
log = logging.getLogger("tickets")

TICKET_ROOT = os.environ.get("TICKET_ROOT", "/srv/weighbridge/tickets")
SITES = {"NTH": "north-transfer", "MRF": "mrf-riverside", "HWR": "hwrc-eastgate"}
FORMATS = {"pdf", "png"}


def haulier_dir() -> str:
    haulier_id = session.get("haulier_id")
    if not haulier_id:
        abort(401)
    return os.path.join(TICKET_ROOT, str(int(haulier_id)))


def ticket_path(site_code: str, ticket_no: str, fmt: str) -> str:
    site_dir = SITES.get(site_code.upper())
    if site_dir is None or fmt not in FORMATS:
        abort(404)
    base = os.path.realpath(os.path.join(haulier_dir(), site_dir))
    filename = f"{ticket_no}.{fmt}"
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        abort(404)
    return candidate


@app.get("/tickets/<site_code>")
def list_tickets(site_code):
    site_dir = SITES.get(site_code.upper())
    if site_dir is None:
        abort(404)
    folder = os.path.join(haulier_dir(), site_dir)
    if not os.path.isdir(folder):
        return jsonify([])
    names = sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))
    return jsonify([os.path.splitext(n)[0] for n in names][-200:])


@app.get("/tickets/<site_code>/<path:ticket_no>")
def download_ticket(site_code, ticket_no):
    fmt = request.args.get("format", "pdf")
    path = ticket_path(site_code, ticket_no, fmt)
    if not os.path.isfile(path):
        abort(404)
    log.info("haulier %s downloaded ticket %r", session.get("haulier_id"), ticket_no)
    return send_file(path, as_attachment=True)


if __name__ == "__main__":
    app.run(port=8082)
