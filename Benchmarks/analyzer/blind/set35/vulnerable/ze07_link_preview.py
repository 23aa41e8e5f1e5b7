"""Link preview service used by the chat frontend."""
import html
import logging

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger(__name__)

MAX_CHARS = 256 * 1024
USER_AGENT = "ChatPreviewBot/1.2"


def extract_title(markup):
    lower = markup.lower()
    start = lower.find("<title")
    if start == -1:
        return None
    start = lower.find(">", start)
    end = lower.find("</title>", start)
    if start == -1 or end == -1:
        return None
    return html.unescape(markup[start + 1:end]).strip()[:200]


async def fetch_page(url):
    async with httpx.AsyncClient(follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        resp = await client.get(url, timeout=5.0)  # VULN flow
    return resp.status_code, resp.headers.get("content-type", ""), resp.text[:MAX_CHARS]


async def preview(request: Request):
    payload = await request.json()
    url = str(payload.get("url", "")).strip()
    if not url.startswith(("http://", "https://")):
        return JSONResponse({"error": "unsupported url"}, status_code=400)
    try:
        status, content_type, text = await fetch_page(url)
    except httpx.HTTPError as exc:
        log.info("preview fetch failed for %r: %r", url, exc)
        return JSONResponse({"error": "fetch failed"}, status_code=502)
    if status != 200 or "html" not in content_type:
        return JSONResponse({"url": url, "title": None})
    return JSONResponse({"url": url, "title": extract_title(text)})


async def health(request: Request):
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/preview", preview, methods=["POST"]),
    Route("/health", health),
])
