"""Image proxy for the help-centre: re-serves remote avatars and attachments over our origin."""
import hashlib
import logging
import os

import httpx
import tornado.ioloop
import tornado.web

log = logging.getLogger("imgproxy")

CACHE_DIR = os.environ.get("IMGPROXY_CACHE", "/var/cache/imgproxy")
MAX_BYTES = 5 * 1024 * 1024
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class ProxyError(Exception):
    pass


class ImageFetcher:
    def __init__(self, client: httpx.AsyncClient):
        self.client = client

    async def fetch(self, source_url: str) -> tuple[bytes, str]:
        resp = await self.client.get(source_url, timeout=6.0, follow_redirects=True)  # VULN flow
        if resp.status_code != 200:
            raise ProxyError(f"upstream returned {resp.status_code}")
        ctype = resp.headers.get("content-type", "").split(";")[0]
        if ctype not in ALLOWED_TYPES:
            raise ProxyError("not an image")
        if len(resp.content) > MAX_BYTES:
            raise ProxyError("image too large")
        return resp.content, ctype


def cache_path(url: str) -> str:
    return os.path.join(CACHE_DIR, hashlib.sha256(url.encode()).hexdigest())


class ProxyHandler(tornado.web.RequestHandler):
    def initialize(self, fetcher: ImageFetcher):
        self.fetcher = fetcher

    async def get(self):
        src = self.get_query_argument("src")
        path = cache_path(src)
        if os.path.exists(path):
            with open(path, "rb") as fh:
                ctype, _, body = fh.read().partition(b"\n")
            self.set_header("Content-Type", ctype.decode())
            self.finish(body)
            return
        try:
            body, ctype = await self.fetcher.fetch(src)
        except (ProxyError, httpx.HTTPError) as exc:
            log.info("proxy miss: %s", exc)
            raise tornado.web.HTTPError(502)
        os.makedirs(CACHE_DIR, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(ctype.encode() + b"\n" + body)
        self.set_header("Content-Type", ctype)
        self.set_header("Cache-Control", "public, max-age=86400")
        self.finish(body)


def make_app():
    fetcher = ImageFetcher(httpx.AsyncClient(headers={"User-Agent": "helpcentre-imgproxy/1.0"}))
    return tornado.web.Application([(r"/img", ProxyHandler, {"fetcher": fetcher})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8095, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
