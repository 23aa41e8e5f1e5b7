"""Share-link service: turns document references into opaque, expiring tokens."""
import base64
import binascii
import json
import os
import time

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
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
NONCE_LEN = 12
TAG_LEN = 16


class TokenCodec:
    def __init__(self, key):
        self.key = key

    def _cipher(self, nonce):
        return AES.new(self.key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_LEN)

    def encode(self, payload):
        raw = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        nonce = get_random_bytes(NONCE_LEN)
        ciphertext, tag = self._cipher(nonce).encrypt_and_digest(raw)
        return base64.urlsafe_b64encode(nonce + tag + ciphertext).decode("ascii")

    def decode(self, token):
        try:
            sealed = base64.urlsafe_b64decode(token.encode("ascii"))
            nonce, tag, ciphertext = sealed[:NONCE_LEN], sealed[NONCE_LEN:NONCE_LEN + TAG_LEN], sealed[NONCE_LEN + TAG_LEN:]
            return json.loads(self._cipher(nonce).decrypt_and_verify(ciphertext, tag))
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
