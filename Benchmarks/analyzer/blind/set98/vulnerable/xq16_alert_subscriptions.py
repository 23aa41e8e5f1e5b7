"""Email/SMS subscriptions for severe-weather alerts by county.

Each subscription gets a confirmation token (double opt-in) and a permanent
unsubscribe token that is embedded in every alert message.
"""
import logging
import random
import re
import string
import time

from aiohttp import web

log = logging.getLogger("alerts.subscriptions")

TOKEN_ALPHABET = string.ascii_letters + string.digits
FIPS_RE = re.compile(r"^\d{5}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def make_token(length: int = 24) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


class SubscriptionStore:
    def __init__(self):
        self.by_token = {}

    def create(self, email: str, counties: list) -> dict:
        sub = {
            "email": email,
            "counties": counties,
            "confirmed": False,
            "confirm_token": make_token(),
            "unsubscribe_token": make_token(32),
            "created": int(time.time()),
        }
        self.by_token[sub["confirm_token"]] = sub
        self.by_token[sub["unsubscribe_token"]] = sub
        return sub


async def subscribe(request: web.Request) -> web.Response:
    data = await request.json()
    email = str(data.get("email", "")).strip()
    counties = [c for c in data.get("counties", []) if isinstance(c, str) and FIPS_RE.match(c)]
    if not EMAIL_RE.match(email) or not counties:
        raise web.HTTPBadRequest(text="email and at least one county FIPS code required")
    sub = request.app["store"].create(email, counties)
    await request.app["mailer"].send_confirmation(email, sub["confirm_token"])
    return web.json_response({"status": "pending"}, status=202)


async def confirm(request: web.Request) -> web.Response:
    sub = request.app["store"].by_token.get(request.match_info["token"])
    if sub is None or sub["confirm_token"] != request.match_info["token"]:
        raise web.HTTPNotFound()
    sub["confirmed"] = True
    return web.json_response({"status": "confirmed", "counties": sub["counties"]})


async def unsubscribe(request: web.Request) -> web.Response:
    store = request.app["store"]
    sub = store.by_token.get(request.match_info["token"])
    if sub is None or sub["unsubscribe_token"] != request.match_info["token"]:
        raise web.HTTPNotFound()
    store.by_token.pop(sub["confirm_token"], None)
    store.by_token.pop(sub["unsubscribe_token"], None)
    log.info("subscription removed")
    return web.json_response({"status": "unsubscribed"})


def make_app(mailer) -> web.Application:
    app = web.Application()
    app["store"] = SubscriptionStore()
    app["mailer"] = mailer
    app.router.add_post("/subscriptions", subscribe)
    app.router.add_get("/subscriptions/confirm/{token}", confirm)
    app.router.add_post("/subscriptions/unsubscribe/{token}", unsubscribe)
    return app
