"""Starlette endpoint that unfurls links pasted into posts and comments."""
import logging
import re
from dataclasses import dataclass, asdict
from html import unescape

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


@dataclass
class Preview:
    url: str
    title: str = ""
    description: str = ""
    image: str = ""


class Unfurler:
    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "PicbookUnfurl/2.1"

    def fetch(self, target):
        resp = self.session.get(target, timeout=FETCH_TIMEOUT, stream=True)  # VULN flow
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
    if not link.startswith(("http://", "https://")):
        return JSONResponse({"error": "unsupported url"}, status_code=400)
    try:
        result = unfurler.unfurl(link)
    except requests.RequestException as exc:
        log.info("unfurl failed: %s", type(exc).__name__)
        return JSONResponse({"error": "could not fetch"}, status_code=502)
    return JSONResponse(asdict(result))


app = Starlette(routes=[Route("/api/unfurl", preview, methods=["POST"])])
