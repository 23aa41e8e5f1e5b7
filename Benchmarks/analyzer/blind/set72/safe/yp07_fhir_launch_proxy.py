"""SMART-on-FHIR launch helper for the telehealth video client.

The EHR launches us with ``iss`` (FHIR base URL) and ``launch``; we fetch the
server's capability statement and the patient resource on the browser's behalf
so the video client does not have to deal with CORS.
"""
import logging
import os
import re
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("smart_proxy")

HTTP_TIMEOUT = aiohttp.ClientTimeout(total=8)
FHIR_ACCEPT = {"Accept": "application/fhir+json"}
TRUSTED_FHIR_HOSTS = frozenset(
    h.strip().lower()
    for h in os.environ.get("SMART_TRUSTED_ISS_HOSTS", "fhir.epic-partner.example,fhir.cerner-partner.example").split(",")
    if h.strip()
)
_RESOURCE_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def checked_base(iss: str) -> str:
    parts = urlsplit(iss)
    if parts.scheme != "https" or (parts.hostname or "").lower() not in TRUSTED_FHIR_HOSTS:
        raise web.HTTPForbidden(text="untrusted FHIR server")
    if parts.port not in (None, 443):
        raise web.HTTPForbidden(text="untrusted FHIR server")
    return iss


class FhirClient:
    def __init__(self, session: aiohttp.ClientSession, base_url: str, token: str = ""):
        self.session = session
        self.base_url = checked_base(base_url).rstrip("/") + "/"
        self.token = token

    def _headers(self):
        headers = dict(FHIR_ACCEPT)
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        return headers

    async def get(self, path: str) -> dict:
        url = urljoin(self.base_url, path)
        if urlsplit(url).hostname != urlsplit(self.base_url).hostname:
            raise web.HTTPBadRequest(text="bad resource path")
        async with self.session.get(url, headers=self._headers(), timeout=HTTP_TIMEOUT,
                                    allow_redirects=False) as resp:
            if resp.status != 200:
                raise web.HTTPBadGateway(text="FHIR server returned %d" % resp.status)
            return await resp.json(content_type=None)


async def metadata(request: web.Request) -> web.Response:
    iss = request.query.get("iss")
    if not iss:
        raise web.HTTPBadRequest(text="iss required")
    client = FhirClient(request.app["http"], iss)
    capability = await client.get("metadata")
    return web.json_response({
        "fhirVersion": capability.get("fhirVersion"),
        "software": capability.get("software", {}),
    })


async def patient(request: web.Request) -> web.Response:
    body = await request.json()
    if not _RESOURCE_ID.match(str(body.get("patient", ""))):
        raise web.HTTPBadRequest(text="bad patient id")
    client = FhirClient(request.app["http"], body["iss"], body.get("access_token", ""))
    resource = await client.get("Patient/%s" % body["patient"])
    names = resource.get("name") or [{}]
    return web.json_response({
        "id": resource.get("id"),
        "name": " ".join(names[0].get("given", []) + [names[0].get("family", "")]).strip(),
        "birthDate": resource.get("birthDate"),
    })


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application):
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/smart/metadata", metadata)
    app.router.add_post("/smart/patient", patient)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8085)
