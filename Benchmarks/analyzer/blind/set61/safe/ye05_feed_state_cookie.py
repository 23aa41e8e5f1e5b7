"""aiohttp service that remembers where a user left off in their timeline."""
import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import time

from aiohttp import web

log = logging.getLogger("timeline")

COOKIE_NAME = "tl_state"
MAX_AGE = 7 * 24 * 3600
STATE_KEY = os.environ["TIMELINE_STATE_KEY"].encode()


class FeedState:
    def __init__(self, cursor=None, muted_tags=None, seen=None):
        self.cursor = cursor
        self.muted_tags = muted_tags or []
        self.seen = seen or []
        self.updated = time.time()


def _encode_state(state: FeedState) -> str:
    body = json.dumps({"cursor": state.cursor, "muted_tags": state.muted_tags,
                       "seen": state.seen}).encode()
    sig = hmac.new(STATE_KEY, body, hashlib.sha256).hexdigest()
    return base64.urlsafe_b64encode(body).decode("ascii") + "." + sig


def _decode_state(raw: str) -> FeedState:
    try:
        encoded, sig = raw.rsplit(".", 1)
        blob = base64.urlsafe_b64decode(encoded.encode("ascii"))
    except (binascii.Error, ValueError):
        return FeedState()
    expected = hmac.new(STATE_KEY, blob, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sig):
        return FeedState()
    data = json.loads(blob)
    if not isinstance(data, dict):
        return FeedState()
    return FeedState(data.get("cursor"), data.get("muted_tags"), data.get("seen"))


def load_state(request: web.Request) -> FeedState:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return FeedState()
    return _decode_state(raw)


async def timeline(request: web.Request) -> web.Response:
    state = load_state(request)
    store = request.app["posts"]
    items = [p for p in store if p["id"] > (state.cursor or 0)
             and not set(p["tags"]) & set(state.muted_tags)][:20]
    if items:
        state.cursor = items[-1]["id"]
        state.seen = (state.seen + [p["id"] for p in items])[-200:]
    resp = web.json_response({"items": items, "cursor": state.cursor})
    resp.set_cookie(COOKIE_NAME, _encode_state(state), max_age=MAX_AGE, httponly=True)
    return resp


async def mute_tag(request: web.Request) -> web.Response:
    state = load_state(request)
    body = await request.json()
    tag = str(body.get("tag", "")).lower()[:40]
    if tag and tag not in state.muted_tags:
        state.muted_tags.append(tag)
    resp = web.json_response({"muted": state.muted_tags})
    resp.set_cookie(COOKIE_NAME, _encode_state(state), max_age=MAX_AGE, httponly=True)
    return resp


def build_app() -> web.Application:
    app = web.Application()
    app["posts"] = []
    app.router.add_get("/timeline", timeline)
    app.router.add_post("/timeline/mute", mute_tag)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), host="127.0.0.1", port=8090)
