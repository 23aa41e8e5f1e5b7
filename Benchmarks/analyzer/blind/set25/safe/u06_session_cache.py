"""Cookie-backed session storage for the legacy storefront."""
import base64
import binascii
import hashlib
import hmac
import logging
import os
from json import JSONDecodeError, dumps, loads

from flask import Flask, g, request

app = Flask(__name__)
log = logging.getLogger("storefront.session")

COOKIE_NAME = "sf_session"
MAX_COOKIE = 3800
SESSION_KEY = os.environ["STOREFRONT_SESSION_KEY"].encode("utf-8")


class CookieSession(dict):
    modified = False

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.modified = True


def _sign(payload):
    return hmac.new(SESSION_KEY, payload, hashlib.sha256).hexdigest()


def decode_session(raw):
    if not raw or len(raw) > MAX_COOKIE:
        return CookieSession()
    payload, _, signature = raw.rpartition(".")
    try:
        if not hmac.compare_digest(_sign(payload.encode("ascii")), signature):
            return CookieSession()
        blob = base64.urlsafe_b64decode(payload.encode("ascii"))
        data = loads(blob)
    except (binascii.Error, UnicodeError, TypeError, JSONDecodeError):
        return CookieSession()
    return CookieSession(data) if isinstance(data, dict) else CookieSession()


def encode_session(sess):
    payload = base64.urlsafe_b64encode(dumps(dict(sess)).encode("utf-8"))
    return payload.decode("ascii") + "." + _sign(payload)


@app.before_request
def load_session():
    g.session = decode_session(request.cookies.get(COOKIE_NAME))


@app.after_request
def save_session(response):
    sess = getattr(g, "session", None)
    if sess is not None and sess.modified:
        response.set_cookie(
            COOKIE_NAME, encode_session(sess), httponly=True, secure=True, samesite="Lax"
        )
    return response


@app.route("/cart")
def view_cart():
    return {"items": list(g.session.get("cart", []))}


@app.route("/cart/add/<int:item_id>", methods=["POST"])
def add_to_cart(item_id):
    cart = list(g.session.get("cart", []))
    cart.append(item_id)
    g.session["cart"] = cart
    return {"items": len(cart)}
