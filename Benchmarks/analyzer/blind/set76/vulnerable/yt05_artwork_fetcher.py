"""Album artwork ingestion service.

Label partners POST a release id and a link to the cover image; we pull the
image, make a 600px thumbnail and drop both into the artwork volume.
"""
import io
import logging
from pathlib import Path

import aiohttp
from aiohttp import web
from PIL import Image

log = logging.getLogger("artwork")

ART_DIR = Path("/srv/media/artwork")
THUMB_SIZE = (600, 600)
MAX_IMAGE_BYTES = 15 * 1024 * 1024
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=20)


class ArtworkJob:
    def __init__(self, payload: dict):
        self.release_id = int(payload["release_id"])
        self.source = str(payload["image_url"]).strip()
        self.credit = payload.get("credit", "")


async def download(session: aiohttp.ClientSession, url: str) -> bytes:
    async with session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
        resp.raise_for_status()
        body = await resp.content.read(MAX_IMAGE_BYTES + 1)
    if len(body) > MAX_IMAGE_BYTES:
        raise ValueError("image too large")
    return body


def store(release_id: int, raw: bytes) -> Path:
    img = Image.open(io.BytesIO(raw)).convert("RGB")
    full = ART_DIR / f"{release_id}.jpg"
    img.save(full, "JPEG", quality=92)
    img.thumbnail(THUMB_SIZE)
    img.save(ART_DIR / f"{release_id}_600.jpg", "JPEG", quality=85)
    return full


async def ingest(request: web.Request) -> web.Response:
    try:
        job = ArtworkJob(await request.json())
    except (KeyError, ValueError, TypeError):
        raise web.HTTPBadRequest(text="release_id and image_url are required")

    session: aiohttp.ClientSession = request.app["http"]
    try:
        raw = await download(session, job.source)
        path = store(job.release_id, raw)
    except aiohttp.ClientError as exc:
        log.warning("artwork fetch failed for release %d: %r", job.release_id, exc)
        raise web.HTTPBadGateway(text="could not fetch image")
    except (ValueError, OSError) as exc:
        raise web.HTTPUnprocessableEntity(text=f"unusable image: {exc}")
    return web.json_response({"release_id": job.release_id, "path": str(path)})


async def _client(app: web.Application):
    app["http"] = aiohttp.ClientSession(headers={"User-Agent": "yt-artwork/1.4"})
    yield
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.cleanup_ctx.append(_client)
    app.router.add_post("/artwork", ingest)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
