import base64
import hashlib
import hmac
import json
import os

from aiohttp import web

CART_KEY = os.environ["CART_SIGNING_KEY"].encode()


def _sign(blob):
    return hmac.new(CART_KEY, blob, hashlib.sha256).hexdigest()


def load_cart(raw):
    data, _, sig = (raw or "").rpartition(".")
    blob = base64.urlsafe_b64decode(data.encode())
    if not data or not hmac.compare_digest(_sign(blob), sig):
        return {"items": []}
    return json.loads(blob)


def dump_cart(cart):
    blob = json.dumps(cart, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(blob).decode() + "." + _sign(blob)


async def add_item(request):
    cart = load_cart(request.cookies.get("cart"))
    body = await request.json()
    cart["items"].append({"sku": str(body["sku"]), "qty": int(body.get("qty", 1))})
    resp = web.json_response({"count": len(cart["items"])})
    resp.set_cookie("cart", dump_cart(cart), httponly=True, secure=True, samesite="Lax")
    return resp


app = web.Application()
app.router.add_post("/cart/items", add_item)
