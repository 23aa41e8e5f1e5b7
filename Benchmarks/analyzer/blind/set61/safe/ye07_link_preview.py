"""Starlette endpoint that unfurls links pasted into posts and comments."""
import logging
import re
from dataclasses import dataclass, asdict
from html import unescape
from urllib.parse import urlsplit

import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("unfurl")

FETCH_TIMEOUT = 4
MAX_BYTES = 256 * 1024
META_RE = re.compile(r'<meta\s+(?:property|name)="(og:[a-z_]+)"\s+content="([^"]*)"', re.I)
TITLE_RE = re.compile(r"<title>([^<]{0,300})</title>", re.I)
# providers we have agreements with; everything else shows a plain link
PREVIEW_HOSTS = frozenset({
    "www.youtube.com", "youtu.be", "vimeo.com", "www.flickr.com",
    "open.spotify.com", "soundcloud.com", "www.instagram.com",
})


@dataclass
class Preview:
    url: str
    title: str = ""
    description: str = ""
    image: str = ""


def is_previewable(link):
    parts = urlsplit(link)
    return (parts.scheme == "https" and parts.hostname in PREVIEW_HOSTS
            and parts.port in (None, 443) and not parts.username)


class Unfurler:
    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "PicbookUnfurl/2.1"

    def fetch(self, target):
        if not is_previewable(target):
            raise ValueError("host not allowed")
        resp = self.session.get(target, timeout=FETCH_TIMEOUT, stream=True,
                                allow_redirects=False)
        resp.raise_for_status()
        chunk = resp.raw.read(MAX_BYTES, decode_content=True)
        return chunk.decode(resp.encoding or "utf-8", errors="replace")

    def unfurl(self, link):
        html = self.fetch(link)
        meta = {k.lower(): unescape(v) for k, v in META_RE.findall(html)}
        title = meta.get("og:title")
        if not title:
            m = TITLE_RE.search(html)
            title = unescape(m.group(1)).strip() if m else ""
        return Preview(url=link, title=title,
                       description=meta.get("og:description", "")[:400],
                       image=meta.get("og:image", ""))


unfurler = Unfurler()


async def preview(request: Request):
    body = await request.json()
    link = str(body.get("url", "")).strip()
    if not is_previewable(link):
        return JSONResponse({"error": "unsupported url"}, status_code=400)
    try:
        result = unfurler.unfurl(link)
    except requests.RequestException as exc:
        log.info("unfurl failed: %s", type(exc).__name__)
        return JSONResponse({"error": "could not fetch"}, status_code=502)
    return JSONResponse(asdict(result))


app = Starlette(routes=[Route("/api/unfurl", preview, methods=["POST"])])
