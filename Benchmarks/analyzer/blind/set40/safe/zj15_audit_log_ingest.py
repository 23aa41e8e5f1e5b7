"""Receives auth events from edge proxies and writes them to the audit log."""
import logging
import logging.handlers

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

audit = logging.getLogger("audit")
audit.setLevel(logging.INFO)
_handler = logging.handlers.WatchedFileHandler("/var/log/acme/audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)

KNOWN_EVENTS = {"login_success", "login_failure", "logout", "mfa_challenge", "password_change"}


def client_ip(request: Request) -> str:
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "-"


def describe(event: dict) -> str:
    user = event.get("username", "<unknown>")
    realm = event.get("realm", "default")
    return "user=%r realm=%r" % (user, realm)


async def ingest(request: Request):
    try:
        events = await request.json()
    except ValueError:
        return JSONResponse({"error": "invalid json"}, status_code=400)
    if isinstance(events, dict):
        events = [events]

    ip = client_ip(request)
    accepted = 0
    for event in events:
        kind = event.get("type", "")
        if kind not in KNOWN_EVENTS:
            audit.warning("dropping unknown event type %r from %r", kind, ip)
            continue
        summary = describe(event)
        if kind == "login_failure":
            reason = event.get("reason", "")
            audit.warning("%s %s ip=%r reason=%r", kind, summary, ip, reason)
        else:
            audit.info("%s %s ip=%r", kind, summary, ip)
        accepted += 1
    return JSONResponse({"accepted": accepted})


async def health(request: Request):
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[
    Route("/audit/events", ingest, methods=["POST"]),
    Route("/healthz", health),
])
