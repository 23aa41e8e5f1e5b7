"""Receive completion webhooks from the e-signature vendor and archive the signed PDF."""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("esign.webhook")

ARCHIVE_DIR = os.environ.get("SIGNED_ARCHIVE_DIR", "/var/lib/esign/signed")
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=30)
VENDOR_TOKEN = os.environ.get("ESIGN_VENDOR_TOKEN", "")


class SignedDocumentFetcher:
    def __init__(self, session: aiohttp.ClientSession, token: str):
        self.session = session
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/pdf"}

    async def fetch(self, url: str) -> bytes:
        async with self.session.get(url, headers=self.headers, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            resp.raise_for_status()
            return await resp.read()


def extract_download_url(payload: dict):
    data = payload.get("data") or {}
    summary = data.get("envelopeSummary") or {}
    return summary.get("documentsCombinedUri") or data.get("documentUrl")


async def handle_completed(request: web.Request) -> web.Response:
    payload = await request.json()
    envelope_id = str(payload.get("envelopeId", ""))
    if not envelope_id.replace("-", "").isalnum():
        raise web.HTTPBadRequest(text="bad envelope id")
    url = extract_download_url(payload)
    if not url:
        raise web.HTTPBadRequest(text="no document url")

    fetcher: SignedDocumentFetcher = request.app["fetcher"]
    content = await fetcher.fetch(url)
    path = os.path.join(ARCHIVE_DIR, f"{envelope_id}.pdf")
    with open(path, "wb") as fh:
        fh.write(content)
    log.info("archived envelope %s (%d bytes)", envelope_id, len(content))
    return web.json_response({"stored": True, "bytes": len(content)})


async def on_startup(app: web.Application) -> None:
    os.makedirs(ARCHIVE_DIR, exist_ok=True)
    app["fetcher"] = SignedDocumentFetcher(aiohttp.ClientSession(), VENDOR_TOKEN)


async def on_cleanup(app: web.Application) -> None:
    await app["fetcher"].session.close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post("/hooks/esign/completed", handle_completed)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8085)
