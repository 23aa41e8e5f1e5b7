import base64
import pickle

from aiohttp import web


def load_cart(raw):
    if not raw:
        return {"items": []}
    blob = base64.urlsafe_b64decode(raw.encode())
    return pickle.loads(blob)  # VULN flow


def dump_cart(cart):
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode()


async def add_item(request):
    cart = load_cart(request.cookies.get("cart"))
    body = await request.json()
    cart["items"].append({"sku": body["sku"], "qty": int(body.get("qty", 1))})
    resp = web.json_response({"count": len(cart["items"])})
    resp.set_cookie("cart", dump_cart(cart), httponly=True)
    return resp


app = web.Application()
app.router.add_post("/cart/items", add_item)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8081)
