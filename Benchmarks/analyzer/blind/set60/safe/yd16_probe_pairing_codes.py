"""Pairing flow for claiming new soil probes onto a farm account.

A farmer starts pairing in the app, gets a short code to type on the probe's
keypad, and the probe receives a long-lived device secret once the code matches.
"""
import logging
import secrets
import string
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pairing")

ALPHABET = string.ascii_uppercase + string.digits
CODE_TTL = 600
PENDING = {}   # code -> {"farm": ..., "expires": ...}
DEVICES = {}   # probe serial -> {"farm": ..., "secret": ...}


def new_pairing_code(length: int = 6) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_device_secret() -> str:
    return secrets.token_hex(16)


def _purge_expired(now: float) -> None:
    for code in [c for c, p in PENDING.items() if p["expires"] < now]:
        PENDING.pop(code, None)


@app.post("/api/pairing")
def start_pairing():
    farm_id = request.headers.get("X-Farm-Id")
    if not farm_id:
        abort(401)
    now = time.time()
    _purge_expired(now)
    code = new_pairing_code()
    PENDING[code] = {"farm": farm_id, "expires": now + CODE_TTL}
    log.info("pairing started for farm %r", farm_id)
    return jsonify(code=code, expires_in=CODE_TTL)


@app.post("/api/pairing/claim")
def claim():
    body = request.get_json(force=True)
    code = str(body.get("code", "")).upper()
    serial = str(body.get("serial", ""))
    pending = PENDING.pop(code, None)
    if pending is None or pending["expires"] < time.time():
        abort(403)
    secret = new_device_secret()
    DEVICES[serial] = {"farm": pending["farm"], "secret": secret}
    log.info("probe %r paired to farm %r", serial, pending["farm"])
    return jsonify(serial=serial, farm=pending["farm"], device_secret=secret)
