"""OAuth-style pairing flow for consumer wearables (step counters, sleep
trackers, CGMs) that feed the remote patient monitoring programme.

Between the redirect to the vendor and the callback we keep a small pairing
state object in a cookie so that the stateless API pods can resume the flow.
"""
import base64
import logging
import os
import secrets
from dataclasses import dataclass, field
from typing import List
from urllib.parse import urlencode

import jsonpickle
import requests
from flask import Flask, abort, make_response, redirect, request

app = Flask(__name__)
log = logging.getLogger("wearable_pairing")

VENDORS = {
    "fitco": {"authorize": "https://auth.fitco.example/oauth/authorize",
              "token": "https://auth.fitco.example/oauth/token"},
    "sleepwell": {"authorize": "https://id.sleepwell.example/authorize",
                  "token": "https://id.sleepwell.example/token"},
}
CALLBACK_URL = os.environ.get("PAIRING_CALLBACK", "https://rpm.example.org/wearables/callback")
COOKIE = "pairing_state"


@dataclass
class PairingState:
    patient_id: int
    vendor: str
    nonce: str
    scopes: List[str] = field(default_factory=lambda: ["activity", "heartrate"])


def dump_state(state: PairingState) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(state).encode()).decode()


def load_state(raw: str) -> PairingState:
    text = base64.urlsafe_b64decode(raw.encode()).decode()
    state = jsonpickle.decode(text)  # VULN flow
    if not isinstance(state, PairingState):
        raise ValueError("bad pairing state")
    return state


@app.route("/wearables/<vendor>/pair")
def start_pairing(vendor: str):
    patient_id = request.environ.get("rpm.patient_id")
    if patient_id is None or vendor not in VENDORS:
        abort(404)
    state = PairingState(patient_id=int(patient_id), vendor=vendor, nonce=secrets.token_urlsafe(16))
    query = urlencode({"client_id": os.environ["WEARABLE_CLIENT_ID_" + vendor.upper()],
                       "redirect_uri": CALLBACK_URL, "state": state.nonce,
                       "scope": " ".join(state.scopes), "response_type": "code"})
    resp = make_response(redirect(VENDORS[vendor]["authorize"] + "?" + query))
    resp.set_cookie(COOKIE, dump_state(state), max_age=600, secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/wearables/callback")
def pairing_callback():
    raw = request.cookies.get(COOKIE)
    if not raw:
        abort(400, "pairing expired")
    try:
        state = load_state(raw)
    except Exception:
        abort(400, "pairing state invalid")
    if request.args.get("state") != state.nonce:
        abort(400, "state mismatch")
    vendor = VENDORS[state.vendor]
    token = requests.post(vendor["token"], data={
        "grant_type": "authorization_code", "code": request.args.get("code", ""),
        "redirect_uri": CALLBACK_URL,
    }, timeout=10)
    token.raise_for_status()
    log.info("patient %s paired %s", state.patient_id, state.vendor)
    resp = make_response(redirect("/rpm/devices"))
    resp.delete_cookie(COOKIE)
    return resp
