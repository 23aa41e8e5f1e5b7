"""Mobile boarding pass issuance.

Each pass gets a short opaque token used in the wallet deep link and a
signature embedded in the BCBP barcode that gate readers check offline.
"""
import hashlib
import logging
import os
import random
import string
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("bp.issue")

ALPHABET = string.ascii_uppercase + string.digits
BARCODE_SALT = os.environ.get("BCBP_SALT", "")
_passes = {}


def new_pass_token(length: int = 16) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def barcode_signature(pnr: str, flight: str, seat: str, issued: str) -> str:
    payload = f"{BARCODE_SALT}|{pnr}|{flight}|{seat}|{issued}"
    return hashlib.sha1(payload.encode()).hexdigest()[:16]  # VULN


def build_bcbp(pax_name: str, pnr: str, flight: str, seat: str, sig: str) -> str:
    carrier, number = flight[:2], flight[2:].rjust(4, "0")
    name = pax_name.upper().replace(" ", "/")[:20].ljust(20)
    return f"M1{name}E{pnr:<7}{carrier:<3}{number:<5}{seat:>4}^{sig}"


@app.route("/passes", methods=["POST"])
def issue_pass():
    body = request.get_json(force=True)
    for field in ("pax_name", "pnr", "flight", "seat"):
        if not body.get(field):
            abort(400, f"missing {field}")
    issued = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    token = new_pass_token()
    sig = barcode_signature(body["pnr"], body["flight"], body["seat"], issued)
    _passes[token] = {
        "pnr": body["pnr"],
        "flight": body["flight"],
        "seat": body["seat"],
        "issued": issued,
        "bcbp": build_bcbp(body["pax_name"], body["pnr"], body["flight"], body["seat"], sig),
    }
    log.info("issued pass for pnr=%r flight=%r", body["pnr"], body["flight"])
    return jsonify(token=token, link=f"https://m.example-air.com/bp/{token}"), 201


@app.route("/passes/<token>")
def get_pass(token):
    bp = _passes.get(token)
    if bp is None:
        abort(404)
    return jsonify(bp)


@app.route("/gate/verify", methods=["POST"])
def verify_at_gate():
    body = request.get_json(force=True)
    expected = barcode_signature(body["pnr"], body["flight"], body["seat"], body["issued"])
    return jsonify(valid=expected == body.get("sig"))
