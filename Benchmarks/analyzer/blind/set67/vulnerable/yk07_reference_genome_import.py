"""aiohttp service that imports reference genome builds into the shared store."""
import hashlib
import logging
import os
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

log = logging.getLogger("refimport")

STAGING = os.environ.get("REF_STAGING", "/data/references/staging")
MAX_BYTES = 4 * 1024 ** 3


class ImportJob:
    def __init__(self, build: str, source_url: str, checksum: str = None):
        self.build = build
        self.source_url = source_url
        self.checksum = checksum

    @property
    def dest(self) -> str:
        return os.path.join(STAGING, f"{self.build}.fa.gz")


async def _download(session: aiohttp.ClientSession, job: ImportJob):
    digest = hashlib.sha256()
    size = 0
    async with session.get(job.source_url, timeout=aiohttp.ClientTimeout(total=3600)) as resp:  # VULN flow
        if resp.status != 200:
            body = await resp.text(errors="replace")
            raise web.HTTPBadGateway(text=f"upstream returned {resp.status}: {body[:2000]}")
        with open(job.dest, "wb") as out:
            async for chunk in resp.content.iter_chunked(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise web.HTTPRequestEntityTooLarge(MAX_BYTES, size)
                digest.update(chunk)
                out.write(chunk)
    return size, digest.hexdigest()


async def import_reference(request: web.Request) -> web.Response:
    body = await request.json()
    build = str(body.get("build", ""))
    if not build.isidentifier():
        raise web.HTTPBadRequest(text="build must be an identifier such as GRCh38")
    job = ImportJob(build, str(body.get("source_url", "")), body.get("sha256"))
    if urlparse(job.source_url).scheme not in ("http", "https"):
        raise web.HTTPBadRequest(text="source_url must be http(s)")

    log.info("importing build %r", job.build)
    size, digest = await _download(request.app["http"], job)
    if job.checksum and job.checksum.lower() != digest:
        os.unlink(job.dest)
        raise web.HTTPUnprocessableEntity(text="checksum mismatch")
    return web.json_response({"build": job.build, "bytes": size, "sha256": digest})


async def _on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def _on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/references", import_reference)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
