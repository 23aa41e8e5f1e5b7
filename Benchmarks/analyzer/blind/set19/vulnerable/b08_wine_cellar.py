"""Wine cellar inventory service (aiohttp) with a tasting-preferences cookie."""
import base64
import logging
import pickle

from aiohttp import web

from cellar.inventory import Cellar

log = logging.getLogger("cellar")

PREFS_COOKIE = "cellar_prefs"
DEFAULT_PREFS = {"sort": "vintage", "region": None, "show_empty": False}
SORT_KEYS = {"vintage", "producer", "drink_by", "quantity"}


def decode_prefs(raw):
    if not raw:
        return dict(DEFAULT_PREFS)
    blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    return pickle.loads(blob)  # VULN flow


def encode_prefs(prefs):
    return base64.urlsafe_b64encode(pickle.dumps(prefs)).decode("ascii")


async def list_bottles(request):
    prefs = decode_prefs(request.cookies.get(PREFS_COOKIE))
    cellar = request.app["cellar"]
    bottles = await cellar.bottles(
        region=prefs.get("region"),
        include_empty=bool(prefs.get("show_empty")),
        order_by=prefs.get("sort") if prefs.get("sort") in SORT_KEYS else "vintage",
    )
    return web.json_response({"prefs": prefs, "bottles": [b.as_dict() for b in bottles]})


async def save_prefs(request):
    body = await request.json()
    prefs = dict(DEFAULT_PREFS)
    if body.get("sort") in SORT_KEYS:
        prefs["sort"] = body["sort"]
    if isinstance(body.get("region"), str):
        prefs["region"] = body["region"][:64]
    prefs["show_empty"] = bool(body.get("show_empty"))
    resp = web.json_response({"saved": prefs})
    resp.set_cookie(PREFS_COOKIE, encode_prefs(prefs), max_age=90 * 86400, httponly=True, samesite="Lax")
    return resp


async def drink_bottle(request):
    bottle_id = int(request.match_info["bottle_id"])
    cellar = request.app["cellar"]
    remaining = await cellar.decrement(bottle_id)
    if remaining is None:
        raise web.HTTPNotFound()
    log.info("bottle %d opened, %d left", bottle_id, remaining)
    return web.json_response({"bottle": bottle_id, "remaining": remaining})


async def on_startup(app):
    app["cellar"] = await Cellar.connect()


async def on_cleanup(app):
    await app["cellar"].close()


def create_app():
    app = web.Application()
    app.router.add_get("/bottles", list_bottles)
    app.router.add_post("/prefs", save_prefs)
    app.router.add_post("/bottles/{bottle_id:\\d+}/drink", drink_bottle)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="0.0.0.0", port=8080)  # VULN
