"""LTI 1.1 tool endpoints used when course units are embedded in partner LMSs."""
import json
import logging
import os
import secrets
import time
from urllib.parse import urlparse

from bottle import Bottle, abort, redirect, request, response

from platform_auth.lti import verify_launch_signature

app = Bottle()
log = logging.getLogger("lti")

CONSUMER_SECRETS = json.loads(os.environ.get("LTI_CONSUMERS", "{}"))
CONSUMER_HOSTS = json.loads(os.environ.get("LTI_CONSUMER_HOSTS", "{}"))
SESSIONS: dict[str, dict] = {}
SESSION_TTL = 4 * 3600


class LaunchContext:
    def __init__(self, consumer_key, user_id, course_id, unit_id, return_url):
        self.consumer_key = consumer_key
        self.user_id = user_id
        self.course_id = course_id
        self.unit_id = unit_id
        self.return_url = return_url

    @classmethod
    def from_params(cls, params: dict) -> "LaunchContext":
        return cls(
            consumer_key=params.get("oauth_consumer_key"),
            user_id=params.get("user_id"),
            course_id=params.get("context_id"),
            unit_id=params.get("custom_unit_id"),
            return_url=params.get("launch_presentation_return_url"),
        )


def current_context():
    sid = request.get_cookie("lti_sid")
    entry = SESSIONS.get(sid or "")
    if not entry or entry["expires"] < time.time():
        return None
    return entry["ctx"]


def is_allowed_return(url: str, ctx) -> bool:
    if not url or ctx is None:
        return False
    parsed = urlparse(url)
    allowed = set(CONSUMER_HOSTS.get(ctx.consumer_key, []))
    return parsed.scheme == "https" and parsed.hostname in allowed


@app.post("/lti/launch")
def lti_launch():
    params = dict(request.forms.decode())
    if not verify_launch_signature(request.url, params, CONSUMER_SECRETS):
        abort(401, "invalid launch signature")
    ctx = LaunchContext.from_params(params)
    sid = secrets.token_urlsafe(32)
    SESSIONS[sid] = {"ctx": ctx, "expires": time.time() + SESSION_TTL}
    response.set_cookie("lti_sid", sid, httponly=True, secure=True, samesite="none", path="/lti")
    redirect(f"/lti/units/{ctx.unit_id}")


@app.get("/lti/exit")
def lti_exit():
    ctx = current_context()
    fallback = ctx.return_url if ctx and is_allowed_return(ctx.return_url, ctx) else "/"
    requested = request.query.get("return_url")
    target = requested if is_allowed_return(requested, ctx) else fallback
    log.info("lti exit for consumer %r", ctx.consumer_key if ctx else None)
    redirect(target)
