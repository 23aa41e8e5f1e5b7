"""Link preview microservice used by the chat frontend."""
import logging
import re
from html import unescape

from aiohttp import ClientError, ClientSession, ClientTimeout, web

log = logging.getLogger("preview")

MAX_BYTES = 512 * 1024
TITLE_RE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)
OG_RE = re.compile(r'<meta\s+property="og:(title|description|image)"\s+content="([^"]{0,1000})"', re.IGNORECASE)


def extract_preview(html):
    preview = {}
    match = TITLE_RE.search(html)
    if match:
        preview["title"] = unescape(match.group(1).strip())[:200]
    for key, value in OG_RE.findall(html):
        preview.setdefault(key, unescape(value)[:500])
    return preview


def normalise(url):
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    return url


async def fetch_page(session, url):
    async with session.get(url, allow_redirects=True) as resp:  # VULN flow
        if resp.status != 200 or "text/html" not in resp.headers.get("Content-Type", ""):
            return None
        body = await resp.content.read(MAX_BYTES)
        return body.decode(resp.charset or "utf-8", errors="replace")


async def handle_preview(request):
    data = await request.json()
    target = normalise(str(data.get("url", "")))
    if target == "https://":
        raise web.HTTPBadRequest(text="url is required")
    try:
        html = await fetch_page(request.app["http"], target)
    except (ClientError, TimeoutError):
        html = None
    if html is None:
        return web.json_response({"url": target, "preview": None})
    return web.json_response({"url": target, "preview": extract_preview(html)})


async def open_session(app):
    app["http"] = ClientSession(timeout=ClientTimeout(total=5))
    yield
    await app["http"].close()


def create_app():
    app = web.Application(client_max_size=64 * 1024)
    app.cleanup_ctx.append(open_session)
    app.router.add_post("/preview", handle_preview)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8085)
