"""Password reset links for the tenant portal."""
import hashlib
import hmac
import logging
import os
import secrets
import string
import time
from urllib.parse import urlencode

from flask import Blueprint, abort, jsonify, request

from portal.accounts import find_account_by_email, set_password
from portal.mail import send_template
from portal.store import reset_tokens

bp = Blueprint("reset", __name__)
log = logging.getLogger("portal.reset")

LINK_SECRET = os.environ["RESET_LINK_SECRET"]
TOKEN_TTL = 30 * 60
PORTAL_URL = "https://portal.harborviewliving.com"


def make_reset_token(length: int = 24) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def sign_link(email: str, token: str, expires: int) -> str:
    material = f"{email}:{token}:{expires}"
    return hmac.new(LINK_SECRET.encode("utf-8"), material.encode("utf-8"), hashlib.sha256).hexdigest()


def build_reset_url(email: str) -> str:
    token = make_reset_token()
    expires = int(time.time()) + TOKEN_TTL
    reset_tokens.put(email, token, expires)
    query = urlencode({"e": email, "t": token, "x": expires, "s": sign_link(email, token, expires)})
    return f"{PORTAL_URL}/reset?{query}"


@bp.post("/password/forgot")
def forgot_password():
    email = (request.form.get("email") or "").strip().lower()
    account = find_account_by_email(email)
    if account is not None:
        send_template(email, "password_reset", {"link": build_reset_url(email), "name": account.first_name})
    # same response either way so the form can't be used to probe accounts
    return jsonify(message="If that address is registered, a reset link is on its way.")


@bp.post("/password/reset")
def reset_password():
    email = request.form.get("e", "")
    token = request.form.get("t", "")
    sig = request.form.get("s", "")
    try:
        expires = int(request.form.get("x", "0"))
    except ValueError:
        abort(400)
    if expires < time.time():
        abort(410)
    if not hmac.compare_digest(sig, sign_link(email, token, expires)):
        abort(403)
    if not reset_tokens.consume(email, token):
        abort(403)
    new_password = request.form.get("password", "")
    if len(new_password) < 10:
        return jsonify(error="password too short"), 400
    set_password(email, new_password)
    log.info("password reset completed for account %s", find_account_by_email(email).id)
    return jsonify(ok=True)
