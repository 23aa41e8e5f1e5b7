"""Drone imagery import service (aiohttp).

After a scouting flight the pilot pastes the share link from the drone
vendor's cloud; the service pulls the orthomosaic down to the local NAS so
the NDVI pipeline can pick it up.
"""
import logging
import os
import re
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

log = logging.getLogger("imagery.import")

IMAGERY_DIR = os.path.realpath(os.environ.get("IMAGERY_DIR", "/srv/imagery/raw"))
MAX_BYTES = 512 * 1024 * 1024
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=300, sock_connect=10)
ALLOWED_HOSTS = {"media.dronevendor.example.com", "share.fieldflight.example.net"}
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class ImportJob:
    def __init__(self, payload: dict):
        self.source_url = str(payload["source_url"]).strip()
        parsed = urlparse(self.source_url)
        if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
            raise ValueError("unsupported imagery host")
        self.flight = str(payload.get("flight") or "unsorted")
        default_name = os.path.basename(parsed.path) or "ortho.tif"
        self.name = str(payload.get("name") or default_name)
        if not SAFE_NAME.match(self.flight) or not SAFE_NAME.match(self.name):
            raise ValueError("invalid flight or file name")

    @property
    def target_path(self) -> str:
        path = os.path.realpath(os.path.join(IMAGERY_DIR, self.flight, self.name))
        if os.path.commonpath([IMAGERY_DIR, path]) != IMAGERY_DIR:
            raise ValueError("target outside imagery directory")
        return path


async def download(session: aiohttp.ClientSession, job: ImportJob) -> int:
    size = 0
    os.makedirs(os.path.dirname(job.target_path), exist_ok=True)
    async with session.get(job.source_url, timeout=FETCH_TIMEOUT, allow_redirects=False) as resp:
        resp.raise_for_status()
        with open(job.target_path, "wb") as fh:
            async for chunk in resp.content.iter_chunked(1 << 16):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ValueError("image exceeds size limit")
                fh.write(chunk)
    return size


async def handle_import(request: web.Request) -> web.Response:
    try:
        job = ImportJob(await request.json())
    except (KeyError, ValueError):
        return web.json_response({"error": "a supported source_url and valid names are required"}, status=400)
    session: aiohttp.ClientSession = request.app["http"]
    try:
        size = await download(session, job)
    except (aiohttp.ClientError, ValueError) as exc:
        log.warning("import of %r failed: %r", job.source_url, exc)
        return web.json_response({"error": "download failed"}, status=502)
    log.info("imported %r (%d bytes) into flight %r", job.name, size, job.flight)
    return web.json_response({"flight": job.flight, "name": job.name, "bytes": size}, status=201)


async def _start_http(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_start_http)
    app.router.add_post("/imagery/import", handle_import)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8085)
