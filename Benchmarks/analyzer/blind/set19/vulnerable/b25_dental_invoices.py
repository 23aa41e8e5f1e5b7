"""Dental practice billing: sealed invoice links and patient portal PINs (Flask)."""
import base64
import json
import logging
import random

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad
from flask import Blueprint, abort, current_app, jsonify, request

from .auth import staff_required
from .billing import Invoice, db, notify_patient

bp = Blueprint("invoices", __name__, url_prefix="/invoices")
log = logging.getLogger("dental.invoices")

INVOICE_KEY = b"Orthodent-Invoices-Key-2023-v1!!"  # VULN
INVOICE_IV = b"\x13\x37" * 8


def _cipher():
    return AES.new(INVOICE_KEY, AES.MODE_CBC, iv=INVOICE_IV)  # VULN


def seal_invoice_ref(invoice_id, patient_id):
    payload = json.dumps({"i": invoice_id, "p": patient_id}).encode("utf-8")
    cipher = _cipher()
    return base64.urlsafe_b64encode(cipher.encrypt(pad(payload, AES.block_size))).decode("ascii")


def open_invoice_ref(token):
    raw = base64.urlsafe_b64decode(token.encode("ascii"))
    cipher = _cipher()
    return json.loads(unpad(cipher.decrypt(raw), AES.block_size))


def portal_pin():
    return f"{random.randint(0, 999999):06d}"  # VULN


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
    supplied = (request.get_json(silent=True) or {}).get("pin", "")
    if invoice is None or invoice.patient_id != ref["p"] or supplied != invoice.portal_pin:
        abort(403)
    return jsonify({
        "invoice": invoice.id,
        "issued": invoice.issued_on.isoformat(),
        "lines": [{"code": l.code, "description": l.description, "amount": str(l.amount)} for l in invoice.lines],
        "total": str(invoice.total),
    })
