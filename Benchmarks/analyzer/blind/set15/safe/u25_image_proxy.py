"""aiohttp image proxy that resizes remote images for the newsletter editor."""
import asyncio
import io
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import ClientSession, ClientTimeout, web
from PIL import Image

logger = logging.getLogger("newsletter.imgproxy")

MAX_BYTES = 8 * 1024 * 1024
ALLOWED_WIDTHS = {160, 320, 640, 1280}
IMAGE_HOSTS = {"images.unsplash.com", "cdn.newsletter-assets.example", "upload.wikimedia.org"}


def checked_source(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in IMAGE_HOSTS or parts.port not in (None, 443):
        raise web.HTTPBadRequest(text="image host not allowed")
    return url


@dataclass
class ProxyJob:
    source: str
    width: int
    requester: str

    @classmethod
    def from_request(cls, request: web.Request) -> "ProxyJob":
        width = int(request.query.get("w", "640"))
        if width not in ALLOWED_WIDTHS:
            raise web.HTTPBadRequest(text="unsupported width")
        return cls(source=checked_source(request.query["src"]), width=width,
                   requester=request.headers.get("X-Editor", "anon"))


class ImageFetcher:
    def __init__(self, session: ClientSession):
        self.session = session

    async def download(self, job: ProxyJob) -> bytes:
        async with self.session.get(job.source, allow_redirects=False) as resp:
            resp.raise_for_status()
            data = await resp.content.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BYTES, actual_size=len(data))
        return data


def resize(data: bytes, width: int) -> bytes:
    with Image.open(io.BytesIO(data)) as img:
        ratio = width / float(img.width)
        out = img.convert("RGB").resize((width, max(1, int(img.height * ratio))))
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=85)
        return buf.getvalue()


class ProxyHandler:
    def __init__(self, fetcher: ImageFetcher):
        self.fetcher = fetcher

    async def handle(self, request: web.Request) -> web.Response:
        job = ProxyJob.from_request(request)
        logger.info("image proxy request editor=%r src=%r", job.requester, job.source)
        data = await self.fetcher.download(job)
        loop = asyncio.get_running_loop()
        body = await loop.run_in_executor(None, resize, data, job.width)
        return web.Response(body=body, content_type="image/jpeg", headers={"Cache-Control": "public, max-age=86400"})


async def on_startup(app: web.Application) -> None:
    app["http"] = ClientSession(timeout=ClientTimeout(total=10))
    app["handler"] = ProxyHandler(ImageFetcher(app["http"]))


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


async def proxy(request: web.Request) -> web.Response:
    return await request.app["handler"].handle(request)


def create_app() -> web.Application:
    app = web.Application()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_get("/img", proxy)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8085)
