import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import Flask, render_template, request

app = Flask(__name__)
CART_KEY = base64.b64decode(os.environ["CART_COOKIE_KEY"])


def seal_cart(items):
    nonce = os.urandom(12)
    blob = AESGCM(CART_KEY).encrypt(nonce, json.dumps(items).encode(), b"cart")
    return base64.urlsafe_b64encode(nonce + blob).decode()


def load_cart():
    raw = request.cookies.get("cart")
    if not raw:
        return []
    try:
        data = base64.urlsafe_b64decode(raw)
        plain = AESGCM(CART_KEY).decrypt(data[:12], data[12:], b"cart")
        return json.loads(plain)
    except (ValueError, InvalidTag):
        return []


@app.route("/cart")
def view_cart():
    items = load_cart()
    total = sum(i["price"] * i["qty"] for i in items)
    return render_template("cart.html", items=items, total=total)
