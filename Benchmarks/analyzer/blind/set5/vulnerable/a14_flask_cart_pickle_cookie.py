import base64
import pickle

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/cart")
def view_cart():
    raw = request.cookies.get("cart", "")
    cart = pickle.loads(base64.b64decode(raw)) if raw else {}  # VULN
    return {"items": cart, "count": sum(cart.values())}


@app.route("/cart/new", methods=["POST"])
def new_cart():
    cart = {request.form["sku"]: int(request.form.get("qty", 1))}
    resp = make_response({"created": True})
    resp.set_cookie("cart", base64.b64encode(pickle.dumps(cart)).decode(), httponly=True, samesite="Lax")
    return resp
