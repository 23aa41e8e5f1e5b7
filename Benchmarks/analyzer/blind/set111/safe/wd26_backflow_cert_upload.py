"""Backflow-prevention test certificate uploads (customer portal, Flask).

Commercial customers must upload the annual test certificate for each
backflow assembly; compliance staff review them from the back office.
"""
import datetime as dt
import logging
import os

from flask import Flask, abort, jsonify, request, session
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024
log = logging.getLogger("portal.backflow")

UPLOAD_ROOT = os.path.realpath("/srv/portal/backflow_certs")
ALLOWED_EXT = {".pdf", ".jpg", ".jpeg", ".png"}


def linked_accounts():
    return set(session.get("accounts", []))


def cert_destination(account_no: str, filename: str) -> str:
    folder = os.path.join(UPLOAD_ROOT, account_no, str(dt.date.today().year))
    dest = os.path.realpath(os.path.join(folder, secure_filename(filename)))
    if os.path.commonpath([dest, UPLOAD_ROOT]) != UPLOAD_ROOT:
        abort(400, "invalid file name")
    os.makedirs(folder, exist_ok=True)
    return dest


@app.post("/portal/backflow/certificates")
def upload_certificate():
    account_no = request.form.get("account_no", "")
    if account_no not in linked_accounts():
        abort(403)
    upload = request.files.get("certificate")
    if upload is None or not upload.filename:
        abort(400, "certificate file is required")
    ext = os.path.splitext(upload.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        abort(415)
    dest = cert_destination(account_no, upload.filename)
    upload.save(dest)
    log.info("backflow certificate uploaded for account %s (%d bytes)",
             account_no, os.path.getsize(dest))
    return jsonify({"stored": os.path.basename(dest)}), 201


@app.get("/portal/backflow/certificates")
def list_certificates():
    account_no = request.args.get("account_no", "")
    if account_no not in linked_accounts():
        abort(403)
    base = os.path.join(UPLOAD_ROOT, account_no)
    found = []
    for year in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        for name in sorted(os.listdir(os.path.join(base, year))):
            found.append({"year": year, "file": name})
    return jsonify(found)
