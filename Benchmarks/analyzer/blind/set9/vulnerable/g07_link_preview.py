"""Link-preview microservice used by the chat frontend to unfurl URLs."""
import logging
from html import unescape

import aiohttp
from aiohttp import web

log = logging.getLogger("unfurl")

MAX_BYTES = 256 * 1024
USER_AGENT = "ChatUnfurlBot/1.4 (+https://chat.example.com/bot)"


def _title_of(html: str) -> str:
    lower = html.lower()
    start = lower.find("<title")
    if start == -1:
        return ""
    start = lower.find(">", start)
    end = lower.find("</title>", start)
    if start == -1 or end == -1:
        return ""
    return unescape(html[start + 1:end]).strip()[:300]


async def fetch_preview(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=8)) as resp:  # VULN flow
        raw = await resp.content.read(MAX_BYTES)
        text = raw.decode(resp.charset or "utf-8", errors="replace")
        return {
            "url": str(resp.url),
            "status": resp.status,
            "content_type": resp.headers.get("Content-Type", ""),
            "title": _title_of(text),
            "snippet": text[:500],
        }


async def preview(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", ""))
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="unsupported url")
    try:
        result = await fetch_preview(request.app["session"], url)
    except aiohttp.ClientError:
        raise web.HTTPBadGateway(text="could not fetch url")
    return web.json_response(result)


async def _startup(app: web.Application) -> None:
    app["session"] = aiohttp.ClientSession(headers={"User-Agent": USER_AGENT})


async def _cleanup(app: web.Application) -> None:
    await app["session"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/unfurl", preview)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=8081)
