"""Vendor portal: vendors attach product imagery by URL; we pull the image,
store it in the media bucket and report its size back."""
import hashlib
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("vendor.images")

MEDIA_DIR = os.environ.get("MEDIA_DIR", "/srv/media/products")
MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)


class ImageFetcher:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def fetch(self, url: str) -> bytes:
        async with self.session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            if resp.status != 200:
                raise ValueError(f"upstream returned {resp.status}: {(await resp.text())[:200]}")
            body = await resp.content.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise ValueError("image too large")
            return body


def store_image(sku: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(MEDIA_DIR, f"{digest}.img")
    with open(path, "wb") as fh:
        fh.write(data)
    return digest


async def attach_image(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    payload = await request.json()
    image_url = (payload.get("image_url") or "").strip()
    if not image_url.lower().startswith(("http://", "https://")):
        return web.json_response({"error": "image_url must be http(s)"}, status=400)

    fetcher: ImageFetcher = request.app["fetcher"]
    try:
        data = await fetcher.fetch(image_url)
    except (aiohttp.ClientError, ValueError) as exc:
        return web.json_response({"error": str(exc)}, status=502)

    digest = store_image(sku, data)
    log.info("stored image %s for sku %r", digest, sku)
    return web.json_response({"sku": sku, "digest": digest, "bytes": len(data)})


async def _on_startup(app: web.Application) -> None:
    app["session"] = aiohttp.ClientSession()
    app["fetcher"] = ImageFetcher(app["session"])


async def _on_cleanup(app: web.Application) -> None:
    await app["session"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_post(r"/vendor/products/{sku}/image", attach_image)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8082)
