"""Tornado service that renders link previews for chat messages."""
import json
import logging
import re
from urllib.parse import urlparse

import httpx
import tornado.ioloop
import tornado.web

logger = logging.getLogger(__name__)

TITLE_RE = re.compile(r"<title[^>]*>([^<]{0,300})</title>", re.IGNORECASE)
OG_RE = re.compile(
    r'<meta\s+property="og:(title|description|image)"\s+content="([^"]{0,500})"',
    re.IGNORECASE,
)
MAX_BODY_CHARS = 512 * 1024
USER_AGENT = "chat-preview/1.4 (+https://chat.example.com/bot)"
PREVIEW_HOSTS = frozenset({
    "github.com", "gitlab.com", "www.youtube.com", "en.wikipedia.org", "docs.python.org",
})


def extract_metadata(body: str) -> dict:
    meta = {}
    title = TITLE_RE.search(body)
    if title:
        meta["title"] = title.group(1).strip()
    for key, value in OG_RE.findall(body):
        meta.setdefault(key, value.strip())
    return meta


async def fetch_preview(url: str) -> dict:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(url, timeout=5.0, headers={"User-Agent": USER_AGENT})
    preview = {"url": url, "status": resp.status_code}
    if resp.status_code == 200 and "html" in resp.headers.get("content-type", ""):
        preview.update(extract_metadata(resp.text[:MAX_BODY_CHARS]))
    return preview


class PreviewHandler(tornado.web.RequestHandler):
    async def get(self):
        target = self.get_query_argument("url", "").strip()
        parsed = urlparse(target)
        if (parsed.scheme != "https" or parsed.hostname not in PREVIEW_HOSTS
                or parsed.port is not None or parsed.username or parsed.password):
            raise tornado.web.HTTPError(400, reason="unsupported url")
        logger.info("preview requested for %r", target)
        try:
            preview = await fetch_preview(target)
        except httpx.HTTPError:
            raise tornado.web.HTTPError(502, reason="preview unavailable")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(preview))


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"ok": True})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/preview", PreviewHandler),
        (r"/healthz", HealthHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
