"""Ingest bed-availability documents (HL7 CDA style XML) from regional hospitals."""
import logging
import os

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("beds.ingest")

NS = {"cda": "urn:hl7-org:v3"}
MAX_DOC_BYTES = int(os.environ.get("MAX_AVAIL_DOC_BYTES", "2000000"))

_parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)


def parse_availability(doc):
    facility = doc.findtext(".//cda:representedOrganization/cda:name", namespaces=NS)
    wards = []
    for obs in doc.iterfind(".//cda:observation", namespaces=NS):
        code = obs.find("cda:code", namespaces=NS)
        value = obs.find("cda:value", namespaces=NS)
        if code is None or value is None:
            continue
        wards.append({
            "ward": code.get("displayName"),
            "available": int(value.get("value", "0")),
        })
    return {"facility": facility, "wards": wards}


async def ingest(request):
    body = await request.body()
    if not body:
        return JSONResponse({"error": "empty document"}, status_code=400)
    if len(body) > MAX_DOC_BYTES:
        return JSONResponse({"error": "document too large"}, status_code=413)
    try:
        doc = etree.fromstring(body, _parser)
    except etree.XMLSyntaxError as exc:
        log.warning("rejected availability doc: %s", exc)
        return JSONResponse({"error": "malformed XML"}, status_code=400)
    result = parse_availability(doc)
    log.info("availability update from %r: %d wards",
             result["facility"], len(result["wards"]))
    return JSONResponse(result)


async def health(request):
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/ingest/availability", ingest, methods=["POST"]),
    Route("/health", health),
])
