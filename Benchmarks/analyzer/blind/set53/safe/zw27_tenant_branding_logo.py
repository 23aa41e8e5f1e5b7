"""Tenant branding: fetch the logo a tenant admin points us at and store a
thumbnail in the asset bucket (aiohttp)."""
import io
import logging
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web
from PIL import Image

log = logging.getLogger("branding")

MAX_LOGO_BYTES = 2 * 1024 * 1024
THUMB_SIZE = (256, 256)
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)
ALLOWED_LOGO_HOSTS = {
    "uploads.zw-cdn.example.com",
    "images.ctfassets.net",
    "res.cloudinary.com",
    "lh3.googleusercontent.com",
}


class LogoError(Exception):
    pass


def check_logo_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_LOGO_HOSTS or parts.port not in (None, 443):
        raise LogoError("logo must be hosted on a supported image host")
    return url


async def fetch_logo(session: aiohttp.ClientSession, url: str) -> bytes:
    async with session.get(check_logo_url(url), timeout=FETCH_TIMEOUT, allow_redirects=False) as resp:
        if resp.status != 200:
            raise LogoError(f"logo fetch failed: HTTP {resp.status} {resp.reason}")
        data = await resp.content.read(MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError("logo too large")
    return data


def make_thumbnail(blob: bytes) -> bytes:
    try:
        img = Image.open(io.BytesIO(blob))
        img.thumbnail(THUMB_SIZE)
    except Exception as exc:
        raise LogoError(f"not an image: {exc}") from exc
    out = io.BytesIO()
    img.convert("RGBA").save(out, format="PNG")
    return out.getvalue()


async def update_branding(request: web.Request) -> web.Response:
    tenant = request["tenant"]
    if "branding:write" not in request["scopes"]:
        raise web.HTTPForbidden()
    data = await request.json()
    settings = {
        "primary_color": str(data.get("primary_color", "#1f6feb"))[:7],
        "logo_url": str(data.get("logo_url", "")).strip(),
    }
    if settings["logo_url"]:
        try:
            blob = await fetch_logo(request.app["http"], settings["logo_url"])
            thumb = make_thumbnail(blob)
        except (LogoError, aiohttp.ClientError) as exc:
            return web.json_response({"error": str(exc)}, status=422)
        await request.app["assets"].put(f"{tenant.id}/logo.png", thumb, content_type="image/png")
    await request.app["tenants"].save_branding(tenant.id, settings)
    return web.json_response({"ok": True})


async def _http_session(app: web.Application):
    app["http"] = aiohttp.ClientSession(headers={"User-Agent": "zw-branding/1.4"})
    yield
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_http_session)
    app.router.add_put("/v1/tenant/branding", update_branding)
    return app
