"""Issue one-time signing links (plus SMS access codes) to contract counterparties."""
import hashlib
import logging
import random
import string
import time
from dataclasses import dataclass
from typing import Dict, Optional

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("signing_links", __name__, url_prefix="/signing")
log = logging.getLogger("esign.links")

ALPHABET = string.ascii_letters + string.digits
LINK_TTL_SECONDS = 72 * 3600
PORTAL_URL = "https://sign.contracts.example/s/"


@dataclass
class SigningInvite:
    envelope_id: str
    email: str
    token_hash: str
    access_code: str
    expires_at: float
    used: bool = False


_INVITES: Dict[str, SigningInvite] = {}


def new_token(length: int = 32) -> str:
    return "".join(random.choices(ALPHABET, k=length))  # VULN


def new_access_code() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_invite(envelope_id: str, email: str) -> Dict[str, str]:
    token = new_token()
    invite = SigningInvite(envelope_id, email, _hash(token), new_access_code(),
                           time.time() + LINK_TTL_SECONDS)
    _INVITES[invite.token_hash] = invite
    log.info("issued signing invite for envelope %s to %r", envelope_id, email)
    return {"url": PORTAL_URL + token, "access_code": invite.access_code}


def redeem(token: str, code: str) -> Optional[SigningInvite]:
    invite = _INVITES.get(_hash(token))
    if invite is None or invite.used or invite.expires_at < time.time():
        return None
    if code != invite.access_code:
        return None
    invite.used = True
    return invite


@bp.post("/invites")
def create_invite():
    body = request.get_json(force=True) or {}
    if not body.get("envelope_id") or not body.get("email"):
        abort(400)
    return jsonify(issue_invite(body["envelope_id"], body["email"])), 201


@bp.post("/redeem/<token>")
def redeem_invite(token):
    invite = redeem(token, request.form.get("code", ""))
    if invite is None:
        abort(403)
    return jsonify({"envelope_id": invite.envelope_id})
