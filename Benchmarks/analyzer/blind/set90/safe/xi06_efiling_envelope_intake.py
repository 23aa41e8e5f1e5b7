"""Receives ECF filing envelopes (LegalXML) from EFSP partners."""
import logging
import uuid

from aiohttp import web
from lxml import etree

log = logging.getLogger("envelope_intake")

NS = {
    "ecf": "urn:oasis:names:tc:legalxml-courtfiling:schema:xsd:CoreFilingMessage-4.0",
    "nc": "http://niem.gov/niem/niem-core/2.0",
}

ENVELOPE_PARSER = etree.XMLParser(
    load_dtd=False,
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
)


def parse_envelope(payload: bytes) -> dict:
    root = etree.fromstring(payload, ENVELOPE_PARSER)

    def first(xpath):
        found = root.xpath(xpath, namespaces=NS)
        return found[0].strip() if found else None

    return {
        "case_number": first("//nc:CaseDocketID/text()"),
        "court": first("//ecf:CaseCourt//nc:IdentificationID/text()"),
        "filer": first("//ecf:FilingParty//nc:PersonFullName/text()"),
        "documents": [
            d.strip()
            for d in root.xpath("//nc:DocumentDescriptionText/text()", namespaces=NS)
        ],
    }


async def submit_envelope(request: web.Request) -> web.Response:
    if request.content_type not in ("application/xml", "text/xml"):
        raise web.HTTPUnsupportedMediaType(text="expected an XML envelope")
    payload = await request.read()
    try:
        envelope = parse_envelope(payload)
    except etree.XMLSyntaxError as exc:
        log.warning("rejecting malformed envelope: %r", str(exc))
        raise web.HTTPBadRequest(text="malformed envelope")

    if not envelope["case_number"]:
        raise web.HTTPUnprocessableEntity(text="envelope has no docket number")

    envelope_id = uuid.uuid4().hex
    request.app["pending"][envelope_id] = envelope
    log.info("queued envelope %s for case %r", envelope_id, envelope["case_number"])
    return web.json_response({"envelope_id": envelope_id, "received": envelope}, status=202)


async def envelope_status(request: web.Request) -> web.Response:
    envelope_id = request.match_info["envelope_id"]
    envelope = request.app["pending"].get(envelope_id)
    if envelope is None:
        raise web.HTTPNotFound()
    return web.json_response({"envelope_id": envelope_id, "status": "pending", **envelope})


def make_app() -> web.Application:
    app = web.Application(client_max_size=20 * 1024 * 1024)
    app["pending"] = {}
    app.router.add_post("/ecf/envelopes", submit_envelope)
    app.router.add_get("/ecf/envelopes/{envelope_id}", envelope_status)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8443)
