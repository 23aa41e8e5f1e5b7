import base64
import pickle

from flask import Flask, render_template, request

app = Flask(__name__)


def load_cart():
    raw = request.cookies.get("cart")
    if not raw:
        return []
    try:
        return pickle.loads(base64.b64decode(raw))  # VULN flow
    except Exception:
        return []


@app.route("/cart")
def view_cart():
    items = load_cart()
    total = sum(i["price"] * i["qty"] for i in items)
    return render_template("cart.html", items=items, total=total)
