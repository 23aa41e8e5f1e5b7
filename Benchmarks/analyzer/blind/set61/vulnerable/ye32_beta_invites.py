"""Invite-only beta for the new 'Circles' social app (Starlette)."""
import base64
import hmac
import logging
import random
import string
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("invites")

INVITE_ALPHABET = string.ascii_uppercase + string.digits
ADMIN_USER = "circles-ops"
ADMIN_PASSWORD = "Circl3s!beta-2024"  # VULN
INVITES = {}  # code -> {"issued_by", "created", "redeemed_by"}


def make_invite_code(groups: int = 3, size: int = 4) -> str:
    chunks = ["".join(random.choices(INVITE_ALPHABET, k=size)) for _ in range(groups)]  # VULN
    return "-".join(chunks)


def is_admin(request: Request) -> bool:
    header = request.headers.get("authorization", "")
    if not header.startswith("Basic "):
        return False
    try:
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(user, ADMIN_USER) and hmac.compare_digest(password, ADMIN_PASSWORD)


async def issue_invites(request: Request):
    if not is_admin(request):
        return JSONResponse({"error": "unauthorized"}, status_code=401,
                            headers={"WWW-Authenticate": 'Basic realm="circles-admin"'})
    body = await request.json()
    count = max(1, min(int(body.get("count", 1)), 500))
    codes = []
    for _ in range(count):
        code = make_invite_code()
        INVITES[code] = {"issued_by": ADMIN_USER, "created": time.time(), "redeemed_by": None}
        codes.append(code)
    log.info("issued %d invite codes", len(codes))
    return JSONResponse({"codes": codes})


async def redeem_invite(request: Request):
    body = await request.json()
    code = str(body.get("code", "")).strip().upper()
    email = str(body.get("email", "")).strip().lower()
    invite = INVITES.get(code)
    if invite is None or invite["redeemed_by"]:
        return JSONResponse({"error": "invalid or used invite"}, status_code=404)
    invite["redeemed_by"] = email
    return JSONResponse({"welcome": True, "next": "/signup/profile"})


app = Starlette(routes=[
    Route("/admin/invites", issue_invites, methods=["POST"]),
    Route("/invites/redeem", redeem_invite, methods=["POST"]),
])
