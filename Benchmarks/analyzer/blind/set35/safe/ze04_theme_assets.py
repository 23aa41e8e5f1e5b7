"""Static asset delivery for tenant themes."""
import asyncio
import logging
import mimetypes
import os
import re

from aiohttp import web

log = logging.getLogger(__name__)

THEME_ROOT = os.environ.get("THEME_ROOT", "/srv/themes")
TENANT_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
CACHE_SECONDS = 3600


def tenant_from(request):
    tenant = request.match_info["tenant"]
    if not TENANT_RE.fullmatch(tenant):
        raise web.HTTPNotFound()
    return tenant


class ThemeStorage:
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def resolve(self, tenant, relative):
        base = os.path.realpath(os.path.join(self.root, tenant))
        candidate = os.path.realpath(os.path.join(base, relative))
        if os.path.commonpath([base, candidate]) != base:
            raise web.HTTPNotFound()
        return candidate

    def _read_sync(self, path):
        with open(path, "rb") as fh:
            return fh.read()

    async def read(self, path):
        return await asyncio.to_thread(self._read_sync, path)


async def handle_asset(request):
    storage = request.app["storage"]
    tenant = tenant_from(request)
    name = request.query.get("file", "theme.css")
    path = storage.resolve(tenant, name)
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    body = await storage.read(path)
    content_type, _ = mimetypes.guess_type(path)
    log.info("asset served tenant=%r file=%r bytes=%d", tenant, name, len(body))
    return web.Response(
        body=body,
        content_type=content_type or "application/octet-stream",
        headers={"Cache-Control": f"public, max-age={CACHE_SECONDS}"},
    )


async def handle_manifest(request):
    storage = request.app["storage"]
    tenant = tenant_from(request)
    base = os.path.join(storage.root, tenant)
    if not os.path.isdir(base):
        raise web.HTTPNotFound()
    files = sorted(f for f in os.listdir(base) if not f.startswith("."))
    return web.json_response({"tenant": tenant, "files": files})


def create_app():
    app = web.Application()
    app["storage"] = ThemeStorage(THEME_ROOT)
    app.router.add_get("/themes/{tenant}/asset", handle_asset)
    app.router.add_get("/themes/{tenant}/manifest", handle_manifest)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
