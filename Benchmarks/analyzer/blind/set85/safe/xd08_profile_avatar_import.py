"""Profile avatar import for learner accounts.

Learners can point at an image on one of the supported photo services instead
of uploading one; the service downloads it, normalises it to a square
thumbnail and stores it.
"""
import io
import logging
import os
import uuid
from urllib.parse import urlparse

import httpx
from PIL import Image
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("profiles.avatar")

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/mooc/media/avatars")
MAX_BYTES = 5 * 1024 * 1024
THUMB_SIZE = (256, 256)
ALLOWED_HOSTS = {"www.gravatar.com", "secure.gravatar.com", "avatars.githubusercontent.com"}


def check_source(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS or parsed.port not in (None, 443):
        raise ValueError("unsupported image host")
    return url


async def fetch_image(url: str) -> bytes:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(check_source(url), timeout=10.0)
        resp.raise_for_status()
        if len(resp.content) > MAX_BYTES:
            raise ValueError("image too large")
        return resp.content


def make_thumbnail(data: bytes) -> bytes:
    img = Image.open(io.BytesIO(data))
    img = img.convert("RGB")
    img.thumbnail(THUMB_SIZE)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


async def import_avatar(request: Request) -> JSONResponse:
    user = request.scope.get("user")
    if user is None or not user.is_authenticated:
        return JSONResponse({"error": "login required"}, status_code=401)
    body = await request.json()
    source = (body.get("url") or "").strip()
    if not source:
        return JSONResponse({"error": "url required"}, status_code=400)
    try:
        raw = await fetch_image(source)
        thumb = make_thumbnail(raw)
    except (httpx.HTTPError, ValueError, OSError) as exc:
        log.info("avatar import failed for user %s: %s", user.identity, type(exc).__name__)
        return JSONResponse({"error": "could not import image"}, status_code=422)
    name = f"{uuid.uuid4().hex}.jpg"
    with open(os.path.join(AVATAR_DIR, name), "wb") as fh:
        fh.write(thumb)
    return JSONResponse({"avatar": f"/media/avatars/{name}"})


app = Starlette(routes=[Route("/api/profile/avatar/import", import_avatar, methods=["POST"])])
