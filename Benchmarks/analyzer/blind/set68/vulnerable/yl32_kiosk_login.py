"""In-store rewards kiosk: members sign in with card number + PIN to view
offers and clip coupons.  Offer pages link to ``/kiosk/login?return_to=...``
so members land back on the offer after signing in."""
import hashlib
import hmac
import logging
import os
from typing import Optional

from bottle import Bottle, redirect, request, response

app = Bottle()
log = logging.getLogger("kiosk.auth")

KIOSK_COOKIE_SECRET = os.environ["KIOSK_COOKIE_SECRET"]
DEFAULT_LANDING = "/kiosk/home"
PBKDF2_ROUNDS = 200_000

# card_number -> {"id", "salt", "pin_hash"}; loaded from the member DB at startup
MEMBERS: dict = {}


def _pin_hash(pin: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PBKDF2_ROUNDS)


def authenticate(card: str, pin: str) -> Optional[dict]:
    member = MEMBERS.get(card)
    if member is None:
        return None
    if not hmac.compare_digest(_pin_hash(pin, member["salt"]), member["pin_hash"]):
        return None
    return member


def _return_target() -> str:
    target = request.forms.get("return_to") or request.query.get("return_to") or ""
    return target.strip() or DEFAULT_LANDING


@app.post("/kiosk/login")
def login():
    card = request.forms.get("card_number", "").replace(" ", "")
    pin = request.forms.get("pin", "")
    kiosk_id = request.get_header("X-Kiosk-Id", "unknown")
    return_to = _return_target()

    member = authenticate(card, pin)
    if member is None:
        log.warning("kiosk login failed card=%s kiosk=%s", card, kiosk_id)  # VULN flow
        redirect("/kiosk/login?error=1")

    response.set_cookie("kiosk_member", member["id"], secret=KIOSK_COOKIE_SECRET,
                        httponly=True, max_age=600, path="/kiosk")
    log.info("member %s signed in at kiosk %r", member["id"], kiosk_id)
    redirect(return_to)  # VULN flow


@app.get("/kiosk/logout")
def logout():
    response.delete_cookie("kiosk_member", path="/kiosk")
    redirect(DEFAULT_LANDING)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8088)
