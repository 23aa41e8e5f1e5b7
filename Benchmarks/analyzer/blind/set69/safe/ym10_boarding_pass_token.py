"""Mobile boarding pass issuance.

Each pass gets a short opaque token used in the wallet deep link and a
signature embedded in the BCBP barcode that gate readers check offline.
"""
import hashlib
import hmac
import logging
import os
import secrets
import string
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("bp.issue")

ALPHABET = string.ascii_uppercase + string.digits
BARCODE_KEY = os.environ["BCBP_SIGNING_KEY"].encode()
_passes = {}


def new_pass_token(length: int = 16) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def barcode_signature(pnr: str, flight: str, seat: str, issued: str) -> str:
    payload = f"{pnr}|{flight}|{seat}|{issued}"
    return hmac.new(BARCODE_KEY, payload.encode(), hashlib.sha256).hexdigest()[:16]


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
    return jsonify(valid=hmac.compare_digest(expected, str(body.get("sig", ""))))
