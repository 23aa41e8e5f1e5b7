"""Incident bot endpoints for external sharing: read-only share links for
third-party responders and PINs for the incident bridge call."""
import logging
import random
import secrets
import string
import time
from dataclasses import dataclass

import requests
from flask import Flask, abort, jsonify, request

log = logging.getLogger("incidentbot.share")
app = Flask(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
SHARE_TTL = 72 * 3600
BRIDGE_API = "https://bridge.corp.internal/api/rooms"


@dataclass
class ShareLink:
    incident_id: str
    token: str
    expires: float


_links: dict = {}


def new_share_token(length: int = 24) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def bridge_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _post_with_retry(url: str, payload: dict, attempts: int = 3) -> dict:
    for n in range(attempts):
        try:
            resp = requests.post(url, json=payload, timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            # jittered back-off so several bots don't hammer the bridge together
            time.sleep((2 ** n) + random.uniform(0, 0.5))
    raise RuntimeError("bridge API unavailable")


@app.route("/incidents/<incident_id>/share", methods=["POST"])
def create_share(incident_id: str):
    link = ShareLink(incident_id, new_share_token(), time.time() + SHARE_TTL)
    _links[link.token] = link
    log.info("share link created for incident %r", incident_id)
    return jsonify(url=f"https://ir.corp.example/shared/{link.token}", expires=int(link.expires))


@app.route("/shared/<token>")
def open_share(token: str):
    link = _links.get(token)
    if link is None or link.expires < time.time():
        abort(404)
    return jsonify(incident=link.incident_id, view="read-only")


@app.route("/incidents/<incident_id>/bridge", methods=["POST"])
def open_bridge(incident_id: str):
    pin = bridge_pin()
    room = _post_with_retry(BRIDGE_API, {"name": f"IR-{incident_id}", "pin": pin})
    return jsonify(dial_in=room.get("dial_in"), pin=pin)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8077)
