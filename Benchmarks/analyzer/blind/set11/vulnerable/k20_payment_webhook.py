"""Checkout + payment provider webhook."""
import base64
import hashlib
import hmac
import os
import pickle
import sqlite3

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB = os.environ.get("SHOP_DB", "shop.db")
PROVIDER_API = "https://api.payments.example.com/v2"
PROVIDER_KEY = os.environ["PAYMENTS_API_KEY"]
WEBHOOK_SECRET = "whsec_8Jf2kLq9ZxR4tN7vB1mC5yH3pQ6"  # VULN


def restore_cart(blob):
    return pickle.loads(base64.urlsafe_b64decode(blob))  # VULN flow


def price_of(conn, sku):
    row = conn.execute("SELECT price_cents FROM products WHERE sku = ?", (sku,)).fetchone()
    return row[0] if row else None


@app.route("/checkout", methods=["POST"])
def checkout():
    cart = restore_cart(request.cookies.get("cart", ""))
    with sqlite3.connect(DB) as conn:
        lines = [(sku, max(0, int(qty)), price_of(conn, sku)) for sku, qty in cart.items()]
        lines = [(sku, qty, price) for sku, qty, price in lines if price is not None and qty > 0]
        if not lines:
            abort(400)
        amount = sum(qty * price for _, qty, price in lines)
        order_id = conn.execute("INSERT INTO orders (amount_cents, status) VALUES (?, 'pending')", (amount,)).lastrowid
    resp = requests.post(
        f"{PROVIDER_API}/sessions",
        json={"amount": amount, "currency": "EUR", "metadata": {"order_id": order_id}},
        headers={"Authorization": f"Bearer {PROVIDER_KEY}"},
        timeout=15,
    )
    resp.raise_for_status()
    return jsonify({"redirect": resp.json()["url"]})


@app.route("/webhooks/payments", methods=["POST"])
def payment_event():
    signature = request.headers.get("X-Signature", "")
    expected = hmac.new(WEBHOOK_SECRET.encode(), request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        abort(401)
    event = request.get_json()
    if event.get("type") != "payment.succeeded":
        return "", 204
    order_id = int(event["data"]["metadata"]["order_id"])
    with sqlite3.connect(DB) as conn:
        conn.execute("UPDATE orders SET status = 'paid' WHERE id = ? AND status = 'pending'", (order_id,))
    return "", 204
