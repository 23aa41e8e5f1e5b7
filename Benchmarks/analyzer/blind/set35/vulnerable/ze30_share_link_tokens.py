"""Share-link service: turns document references into opaque, expiring tokens."""
import base64
import binascii
import json
import os
import time

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .auth import BearerTokenBackend
from .documents import can_share

SHARE_KEY = bytes.fromhex(os.environ["SHARE_LINK_KEY"])
LINK_TTL = 7 * 24 * 3600


class TokenCodec:
    def __init__(self, key):
        self.key = key

    def _cipher(self):
        return AES.new(self.key, AES.MODE_ECB)  # VULN

    def encode(self, payload):
        raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        sealed = self._cipher().encrypt(pad(raw, AES.block_size))
        return base64.urlsafe_b64encode(sealed).decode("ascii")

    def decode(self, token):
        try:
            sealed = base64.urlsafe_b64decode(token.encode("ascii"))
            return json.loads(unpad(self._cipher().decrypt(sealed), AES.block_size))
        except (ValueError, binascii.Error, UnicodeError):
            return None


codec = TokenCodec(SHARE_KEY)


async def create_link(request: Request):
    if not request.user.is_authenticated:
        return JSONResponse({"error": "authentication required"}, status_code=401)
    body = await request.json()
    try:
        doc_id = int(body["document_id"])
    except (KeyError, TypeError, ValueError):
        return JSONResponse({"error": "document_id required"}, status_code=400)
    if not can_share(request.user, doc_id):
        return JSONResponse({"error": "forbidden"}, status_code=403)
    claims = {"doc": doc_id, "by": request.user.display_name, "perm": "read", "exp": int(time.time()) + LINK_TTL}
    return JSONResponse({"url": f"/s/{codec.encode(claims)}"}, status_code=201)


async def open_link(request: Request):
    claims = codec.decode(request.path_params["token"])
    if not isinstance(claims, dict) or claims.get("exp", 0) < time.time():
        return JSONResponse({"error": "link invalid or expired"}, status_code=404)
    return JSONResponse({"document_id": claims["doc"], "permission": claims["perm"]})


app = Starlette(
    routes=[
        Route("/links", create_link, methods=["POST"]),
        Route("/s/{token}", open_link),
    ],
    middleware=[Middleware(AuthenticationMiddleware, backend=BearerTokenBackend())],
)
