"""Thumbnail rendering microservice.

Takes a media reference plus a requested geometry, shells out to
ImageMagick and serves the generated thumbnail from the local cache.
"""
import asyncio
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from typing import List

from aiohttp import web

log = logging.getLogger("thumbs")

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")
CACHE_ROOT = os.environ.get("THUMB_CACHE", "/srv/cache/thumbs")
ALLOWED_FORMATS = {"png", "jpg", "webp"}
DEFAULT_SIZE = "128x128"
GEOMETRY_RE = re.compile(r"^\d{1,4}x\d{1,4}$")


@dataclass
class ThumbJob:
    source: str
    geometry: str
    fmt: str

    @property
    def source_path(self) -> str:
        return os.path.join(MEDIA_ROOT, os.path.basename(self.source))

    @property
    def output_path(self) -> str:
        stem = os.path.splitext(os.path.basename(self.source))[0]
        return os.path.join(CACHE_ROOT, f"{stem}_{self.geometry}.{self.fmt}")


def build_command(job: ThumbJob) -> List[str]:
    parts = [
        "convert",
        job.source_path,
        "-auto-orient",
        "-thumbnail", job.geometry,
        job.output_path,
    ]
    return parts


def render(job: ThumbJob) -> str:
    if os.path.exists(job.output_path):
        return job.output_path
    command = build_command(job)
    log.info("rendering thumbnail for %r", job.source)
    subprocess.run(command, check=True, timeout=120)
    return job.output_path


async def create_thumbnail(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    fmt = str(form.get("format", "png")).lower()
    if fmt not in ALLOWED_FORMATS:
        raise web.HTTPBadRequest(text="unsupported format")

    job = ThumbJob(
        source=str(form.get("source", "")),
        geometry=str(form.get("size", DEFAULT_SIZE)),
        fmt=fmt,
    )
    if not job.source:
        raise web.HTTPBadRequest(text="source is required")
    if not GEOMETRY_RE.match(job.geometry):
        raise web.HTTPBadRequest(text="size must look like 128x128")
    if not os.path.isfile(job.source_path):
        raise web.HTTPNotFound(text="unknown source")

    loop = asyncio.get_running_loop()
    try:
        path = await loop.run_in_executor(None, render, job)
    except subprocess.CalledProcessError as exc:
        log.warning("convert exited with %s", exc.returncode)
        raise web.HTTPUnprocessableEntity(text="could not render thumbnail")
    return web.FileResponse(path)


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def make_app() -> web.Application:
    app = web.Application(client_max_size=2 * 1024 ** 2)
    app.router.add_post("/thumbnails", create_thumbnail)
    app.router.add_get("/healthz", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8081")))
