"""Link previews ("unfurling") for URLs posted in chat messages (Starlette)."""
import html
import logging
import re
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("chat.unfurl")

URL_RE = re.compile(r"https?://[^\s<>\"']+")
OG_TITLE_RE = re.compile(r'<meta[^>]+property="og:title"[^>]+content="([^"]*)"', re.I)
OG_DESC_RE = re.compile(r'<meta[^>]+property="og:description"[^>]+content="([^"]*)"', re.I)
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
MAX_LINKS = 3
UNFURL_DOMAINS = {"github.com", "gitlab.com", "youtube.com", "www.youtube.com", "en.wikipedia.org", "docs.python.org"}


def is_unfurlable(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in UNFURL_DOMAINS and parts.port in (None, 443)


def extract_urls(text: str) -> list:
    seen = []
    for url in URL_RE.findall(text):
        url = url.rstrip(").,;!?")
        if url not in seen and is_unfurlable(url):
            seen.append(url)
    return seen[:MAX_LINKS]


def parse_meta(page: str) -> dict:
    title = OG_TITLE_RE.search(page) or TITLE_RE.search(page)
    desc = OG_DESC_RE.search(page)
    return {
        "title": html.unescape(title.group(1)).strip()[:200] if title else None,
        "description": html.unescape(desc.group(1)).strip()[:400] if desc else None,
    }


async def fetch_preview(client: httpx.AsyncClient, url: str) -> dict:
    try:
        resp = await client.get(url, timeout=5.0)
    except httpx.HTTPError as exc:
        log.info("unfurl failed: %s", exc.__class__.__name__)
        return {"url": url, "error": "unreachable"}
    preview = {"url": url, "status": resp.status_code}
    if "html" in resp.headers.get("content-type", ""):
        preview.update(parse_meta(resp.text[:200_000]))
    else:
        preview["snippet"] = resp.text[:300]
    return preview


async def unfurl(request: Request) -> JSONResponse:
    payload = await request.json()
    urls = extract_urls(str(payload.get("text", "")))
    if not urls:
        return JSONResponse({"previews": []})
    async with httpx.AsyncClient(follow_redirects=False, headers={"User-Agent": "ChatUnfurl/1.4"}) as client:
        previews = [await fetch_preview(client, u) for u in urls]
    return JSONResponse({"previews": previews})


app = Starlette(routes=[Route("/api/unfurl", unfurl, methods=["POST"])])
