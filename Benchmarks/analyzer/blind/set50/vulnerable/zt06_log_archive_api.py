"""Serve and purge rotated log archives collected by the monitoring agents."""
import hmac
import logging
import os
from pathlib import Path

from aiohttp import web

log = logging.getLogger("archive-api")

ARCHIVE_ROOT = Path(os.environ.get("ARCHIVE_ROOT", "/var/lib/collector/archives"))
ADMIN_TOKEN = os.environ.get("ARCHIVE_ADMIN_TOKEN", "")


def archive_path(host: str, name: str) -> Path:
    return ARCHIVE_ROOT / host / name


def is_admin(request: web.Request) -> bool:
    supplied = request.headers.get("X-Admin-Token", "")
    return bool(ADMIN_TOKEN) and hmac.compare_digest(supplied, ADMIN_TOKEN)


async def download(request: web.Request) -> web.StreamResponse:
    host = request.match_info["host"]
    name = request.query.get("file", "")
    if not name:
        raise web.HTTPBadRequest(text="file parameter required")
    target = archive_path(host, name)
    if not target.is_file():
        raise web.HTTPNotFound()
    log.info("serving archive %r for %r", name, host)
    return web.FileResponse(target)  # VULN flow


async def purge(request: web.Request) -> web.Response:
    if not is_admin(request):
        raise web.HTTPForbidden()
    data = await request.json()
    host = data.get("host", "")
    removed = []
    for name in data.get("files", []):
        target = archive_path(host, name)
        try:
            os.remove(target)  # VULN flow
            removed.append(name)
        except FileNotFoundError:
            continue
    log.info("purged %d archive(s) for %r", len(removed), host)
    return web.json_response({"removed": removed})


def make_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_get("/archives/{host}", download)
    app.router.add_post("/archives/purge", purge)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8088)
