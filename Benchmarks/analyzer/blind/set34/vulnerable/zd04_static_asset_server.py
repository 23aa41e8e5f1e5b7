"""Serves per-tenant branding assets (logos, stylesheets) for the customer portal."""
import mimetypes
import os
import re

from aiohttp import web

ASSET_ROOT = os.environ.get("BRANDING_ROOT", "/srv/portal/branding")
TENANT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
CACHE_SECONDS = 3600


def tenant_dir(request: web.Request) -> str:
    tenant = request.headers.get("X-Tenant", "")
    if not TENANT_RE.fullmatch(tenant):
        raise web.HTTPBadRequest(text="missing or invalid tenant")
    return os.path.join(ASSET_ROOT, tenant)


def resolve_asset(base: str, name: str) -> str:
    return os.path.join(base, name)


async def get_asset(request: web.Request) -> web.StreamResponse:
    base = tenant_dir(request)
    path = resolve_asset(base, request.match_info["name"])
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    content_type, _ = mimetypes.guess_type(path)
    resp = web.FileResponse(path)  # VULN flow
    resp.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    if content_type:
        resp.content_type = content_type
    return resp


async def list_assets(request: web.Request) -> web.Response:
    base = tenant_dir(request)
    if not os.path.isdir(base):
        return web.json_response({"assets": []})
    assets = []
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        if entry.is_file():
            assets.append({"name": entry.name, "size": entry.stat().st_size})
    return web.json_response({"assets": assets})


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/healthz", health)
    app.router.add_get("/branding", list_assets)
    app.router.add_get("/branding/{name:.+}", get_asset)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8090)
