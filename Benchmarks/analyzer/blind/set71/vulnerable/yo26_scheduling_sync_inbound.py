"""Inbound sync endpoint for the external scheduling partner.

The partner's booking widget pushes appointment changes to us. Their
Python SDK serialises its Appointment objects with jsonpickle, so we
decode the same way to get the object graph back.
"""
import hashlib
import hmac
import logging
import os
from datetime import datetime

import jsonpickle
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("scheduling.inbound")
PARTNER_IDS = {"bookly", "slotfinder"}


class AppointmentSink:
    def __init__(self):
        self.items = {}

    def upsert(self, partner: str, appt: dict) -> str:
        key = f"{partner}:{appt['external_id']}"
        self.items[key] = {
            "title": appt.get("title", ""),
            "start": datetime.fromisoformat(appt["start"]),
            "end": datetime.fromisoformat(appt["end"]),
            "attendees": list(appt.get("attendees", [])),
        }
        return key


sink = AppointmentSink()


def normalise(obj) -> dict:
    if isinstance(obj, dict):
        return obj
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


def read_batch(raw: str) -> list:
    decoded = jsonpickle.decode(raw)  # VULN flow
    if not isinstance(decoded, list):
        decoded = [decoded]
    return [normalise(item) for item in decoded]


@app.route("/sync/<partner>/appointments", methods=["POST"])
def inbound(partner):
    if partner not in PARTNER_IDS:
        abort(404)
    raw = request.get_data(as_text=True)
    try:
        batch = read_batch(raw)
    except Exception:
        log.exception("could not decode batch from %s", partner)
        abort(400)
    keys = []
    for appt in batch:
        try:
            keys.append(sink.upsert(partner, appt))
        except (KeyError, ValueError):
            log.warning("skipping malformed appointment from %s", partner)
    return jsonify(accepted=len(keys), keys=keys)


def signature_ok(body: bytes, sig: str) -> bool:
    secret = os.environ.get("PARTNER_WEBHOOK_SECRET", "").encode()
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sig or "")
