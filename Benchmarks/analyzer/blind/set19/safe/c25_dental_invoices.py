"""Dental practice billing: sealed invoice links and patient portal PINs (Flask)."""
import base64
import hmac
import json
import logging
import os
import secrets

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from flask import Blueprint, abort, current_app, jsonify, request

from .auth import staff_required
from .billing import Invoice, db, notify_patient

bp = Blueprint("invoices", __name__, url_prefix="/invoices")
log = logging.getLogger("dental.invoices")

INVOICE_KEY = base64.b64decode(os.environ["INVOICE_SEAL_KEY"])
NONCE_SIZE = 12
TAG_SIZE = 16


def _cipher(nonce):
    return AES.new(INVOICE_KEY, AES.MODE_GCM, nonce=nonce)


def seal_invoice_ref(invoice_id, patient_id):
    payload = json.dumps({"i": invoice_id, "p": patient_id}).encode("utf-8")
    nonce = get_random_bytes(NONCE_SIZE)
    cipher = _cipher(nonce)
    ciphertext, tag = cipher.encrypt_and_digest(payload)
    return base64.urlsafe_b64encode(nonce + tag + ciphertext).decode("ascii")


def open_invoice_ref(token):
    raw = base64.urlsafe_b64decode(token.encode("ascii"))
    nonce, tag, ciphertext = raw[:NONCE_SIZE], raw[NONCE_SIZE:NONCE_SIZE + TAG_SIZE], raw[NONCE_SIZE + TAG_SIZE:]
    cipher = _cipher(nonce)
    return json.loads(cipher.decrypt_and_verify(ciphertext, tag))


def portal_pin():
    return f"{secrets.randbelow(1_000_000):06d}"


@bp.route("/<int:invoice_id>/share", methods=["POST"])
@staff_required
def share_invoice(invoice_id):
    invoice = db.session.get(Invoice, invoice_id)
    if invoice is None:
        abort(404)
    pin = portal_pin()
    invoice.portal_pin = pin
    db.session.commit()
    link = f"{current_app.config['PORTAL_URL']}/invoice/{seal_invoice_ref(invoice.id, invoice.patient_id)}"
    notify_patient(invoice.patient_id, link=link, pin=pin)
    log.info("invoice %s shared with patient %s", invoice.id, invoice.patient_id)
    return jsonify({"shared": True})


@bp.route("/view/<token>", methods=["POST"])
def view_invoice(token):
    try:
        ref = open_invoice_ref(token)
    except (ValueError, KeyError):
        abort(404)
    invoice = db.session.get(Invoice, ref["i"])
    supplied = str((request.get_json(silent=True) or {}).get("pin", ""))
    if invoice is None or invoice.patient_id != ref["p"] or not hmac.compare_digest(supplied.encode(), (invoice.portal_pin or "").encode()):
        abort(403)
    return jsonify({
        "invoice": invoice.id,
        "issued": invoice.issued_on.isoformat(),
        "lines": [{"code": l.code, "description": l.description, "amount": str(l.amount)} for l in invoice.lines],
        "total": str(invoice.total),
    })
