"""Pay-by-phone QR sessions for on-street parking meters.

Each meter shows a QR code that encodes the meter id, bay and an
expiry; the phone app posts it back when the driver pays. The token
signature is what stops people from minting QR codes for other bays
or with a different tariff.
"""
import base64
import hashlib
import hmac
import json
import logging
import os
import time

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("meter-qr")

QR_SECRET = os.environ["METER_QR_SECRET"].encode()
METER_API = "https://{host}:8443/api/v1"
QR_TTL = 300
ADMIN_TOKEN = os.environ["METER_ADMIN_TOKEN"]
METER_HOSTS = {
    "M-1001": "meter-1001.street.parking.internal",
    "M-1002": "meter-1002.street.parking.internal",
}


def sign(payload: bytes) -> str:
    return hashlib.md5(QR_SECRET + payload).hexdigest()  # VULN


def issue_token(meter_id: str, bay: int, tariff_cents: int) -> str:
    payload = json.dumps(
        {"m": meter_id, "b": bay, "t": tariff_cents, "exp": int(time.time()) + QR_TTL},
        separators=(",", ":"),
    ).encode()
    return base64.urlsafe_b64encode(payload).decode() + "." + sign(payload)


def read_token(token: str) -> dict:
    try:
        body, sig = token.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(body.encode())
    except ValueError:
        abort(400)
    if sign(payload) != sig:
        abort(403)
    data = json.loads(payload)
    if data["exp"] < time.time():
        abort(410)
    return data


def push_tariff(meter_host: str, tariff: dict) -> int:
    url = METER_API.format(host=meter_host) + "/tariff"
    resp = requests.put(url, json=tariff, timeout=10, verify=False)  # VULN
    return resp.status_code


@app.route("/meters/<meter_id>/qr")
def meter_qr(meter_id):
    bay = request.args.get("bay", type=int, default=1)
    return jsonify({"token": issue_token(meter_id, bay, 250)})


@app.route("/sessions", methods=["POST"])
def start_session():
    body = request.get_json(force=True)
    data = read_token(body["token"])
    minutes = max(5, min(int(body.get("minutes", 60)), 240))
    cost = data["t"] * minutes // 60
    log.info("session meter=%r bay=%r minutes=%d cost=%d", data["m"], data["b"], minutes, cost)
    return jsonify({"meter": data["m"], "bay": data["b"], "minutes": minutes, "cost_cents": cost})


@app.route("/admin/meters/<meter_id>/tariff", methods=["POST"])
def admin_push(meter_id):
    if not hmac.compare_digest(request.headers.get("X-Admin-Token", ""), ADMIN_TOKEN):
        abort(401)
    if meter_id not in METER_HOSTS:
        abort(404)
    status = push_tariff(METER_HOSTS[meter_id], request.get_json(force=True))
    return jsonify({"meter_status": status})
