"""'Remember this device' support for the MFA step of the login flow."""
import base64
import logging
import pickle
import secrets
import time
from dataclasses import dataclass

from aiohttp import web

log = logging.getLogger("mfa.device")

COOKIE_NAME = "td"
TRUST_DAYS = 30


@dataclass
class TrustedDevice:
    user_id: str
    device_id: str
    issued_at: float
    label: str = ""

    def expired(self) -> bool:
        return time.time() - self.issued_at > TRUST_DAYS * 86400


def encode_device(device: TrustedDevice) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(device)).decode("ascii")


def decode_device(value: str) -> TrustedDevice:
    blob = base64.urlsafe_b64decode(value.encode("ascii"))
    return pickle.loads(blob)  # VULN flow


@web.middleware
async def trusted_device_middleware(request, handler):
    request["trusted_device"] = None
    raw = request.cookies.get(COOKIE_NAME)
    if raw:
        try:
            device = decode_device(raw)
        except Exception:
            log.info("discarding unreadable device cookie")
        else:
            if isinstance(device, TrustedDevice) and not device.expired():
                request["trusted_device"] = device
    return await handler(request)


async def mfa_challenge(request):
    pending = request.get("pending_user")
    if pending is None:
        raise web.HTTPFound("/login")
    device = request["trusted_device"]
    if device is not None and device.user_id == pending.id:
        await request.app["sessions"].promote(request, pending)
        raise web.HTTPFound("/")
    return web.json_response({"challenge": "totp"})


async def remember_device(request):
    user = request.get("user")
    if user is None:
        raise web.HTTPUnauthorized()
    form = await request.post()
    device = TrustedDevice(
        user_id=user.id,
        device_id=secrets.token_hex(16),
        issued_at=time.time(),
        label=str(form.get("label", ""))[:64],
    )
    resp = web.json_response({"remembered": True})
    resp.set_cookie(
        COOKIE_NAME,
        encode_device(device),
        max_age=TRUST_DAYS * 86400,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return resp
