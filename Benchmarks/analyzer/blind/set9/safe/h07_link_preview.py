"""Link-preview microservice: unfurls links via known oEmbed providers."""
import logging
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("unfurl")

OEMBED_PROVIDERS = {
    "www.youtube.com": "https://www.youtube.com/oembed",
    "youtube.com": "https://www.youtube.com/oembed",
    "vimeo.com": "https://vimeo.com/api/oembed.json",
    "soundcloud.com": "https://soundcloud.com/oembed",
    "www.flickr.com": "https://www.flickr.com/services/oembed/",
}
PASSTHROUGH_FIELDS = ("title", "author_name", "provider_name", "thumbnail_url", "type")


def provider_for(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("only https links can be unfurled")
    endpoint = OEMBED_PROVIDERS.get(parts.hostname.lower())
    if endpoint is None:
        raise ValueError("no preview provider for this host")
    return endpoint


async def fetch_preview(session: aiohttp.ClientSession, url: str) -> dict:
    endpoint = provider_for(url)
    params = {"url": url, "format": "json", "maxwidth": "480"}
    async with session.get(endpoint, params=params, allow_redirects=False,
                           timeout=aiohttp.ClientTimeout(total=8)) as resp:
        resp.raise_for_status()
        data = await resp.json(content_type=None)
    return {k: data.get(k) for k in PASSTHROUGH_FIELDS}


async def preview(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", ""))
    try:
        result = await fetch_preview(request.app["session"], url)
    except ValueError as exc:
        raise web.HTTPUnprocessableEntity(text=str(exc))
    except aiohttp.ClientError:
        raise web.HTTPBadGateway(text="provider unavailable")
    return web.json_response(result)


async def _startup(app: web.Application) -> None:
    app["session"] = aiohttp.ClientSession(headers={"User-Agent": "ChatUnfurlBot/2.0"})


async def _cleanup(app: web.Application) -> None:
    await app["session"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/unfurl", preview)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
