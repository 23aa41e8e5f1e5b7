"""Translation service: machine-translates text, optionally applying a customer glossary."""
import csv
import io
import logging
import os
from typing import Optional

import aiohttp
from aiohttp import web

log = logging.getLogger("translate")

MT_ENDPOINT = os.environ.get("MT_ENDPOINT", "https://mt.internal.example/v2/translate")
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=10)
LANGS = {"en", "de", "fr", "es", "it", "nl", "pl", "pt", "ja"}


class GlossaryLoader:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def load(self, url: str) -> dict[str, str]:
        async with self.session.get(url) as resp:  # VULN flow
            resp.raise_for_status()
            body = await resp.text()
        reader = csv.reader(io.StringIO(body))
        return {row[0].strip(): row[1].strip() for row in reader if len(row) >= 2}


class Translator:
    def __init__(self, session: aiohttp.ClientSession, glossaries: GlossaryLoader) -> None:
        self.session = session
        self.glossaries = glossaries

    async def translate(self, text: str, source: str, target: str,
                        glossary_url: Optional[str] = None) -> str:
        terms = await self.glossaries.load(glossary_url) if glossary_url else {}
        payload = {"q": text, "source": source, "target": target, "glossary": terms}
        async with self.session.post(MT_ENDPOINT, json=payload) as resp:
            resp.raise_for_status()
            data = await resp.json()
        return data["translation"]


async def handle_translate(request: web.Request) -> web.Response:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="expected JSON body")
    text = body.get("text", "")
    source, target = body.get("source", "en"), body.get("target")
    if not text or source not in LANGS or target not in LANGS:
        raise web.HTTPBadRequest(text="text, source and target are required")
    translator: Translator = request.app["translator"]
    try:
        result = await translator.translate(text, source, target, body.get("glossary_url"))
    except aiohttp.ClientError as exc:
        log.warning("upstream failure: %s", exc)
        raise web.HTTPBadGateway(text="translation backend unavailable")
    return web.json_response({"translation": result, "target": target})


async def on_startup(app: web.Application) -> None:
    session = aiohttp.ClientSession(timeout=HTTP_TIMEOUT)
    app["session"] = session
    app["translator"] = Translator(session, GlossaryLoader(session))


async def on_cleanup(app: web.Application) -> None:
    await app["session"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app.router.add_post("/v1/translate", handle_translate)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="0.0.0.0", port=8081)  # VULN
