"""Batch address validation endpoint used by partner agencies (Starlette).

Partners (housing authority, school district) POST an XML batch of
addresses; we normalise them against the county master address file.
"""
import io
import logging
import xml.sax

import defusedxml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .master_address import lookup_master_address

log = logging.getLogger("address_batch")
MAX_BATCH_BYTES = 2 * 1024 * 1024


class AddressBatchHandler(ContentHandler):
    FIELDS = {"Street", "Unit", "City", "Zip"}

    def __init__(self):
        super().__init__()
        self.records = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "Address":
            self._current = {"id": attrs.get("id", str(len(self.records) + 1))}
        elif self._current is not None and name in self.FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name.lower()] = "".join(self._buf).strip()
            self._field = None
        elif name == "Address" and self._current is not None:
            self.records.append(self._current)
            self._current = None


def parse_batch(payload: bytes):
    handler = AddressBatchHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))
    return handler.records


async def validate_batch(request: Request):
    body = await request.body()
    if len(body) > MAX_BATCH_BYTES:
        return JSONResponse({"error": "batch too large"}, status_code=413)
    try:
        records = parse_batch(body)
    except (xml.sax.SAXParseException, defusedxml.DefusedXmlException) as exc:
        return JSONResponse({"error": f"malformed XML: {exc}"}, status_code=400)
    results = []
    for rec in records:
        match = lookup_master_address(rec.get("street", ""), rec.get("unit"), rec.get("zip", ""))
        results.append({"id": rec["id"], "input": rec, "match": match})
    log.info("validated batch of %d addresses", len(results))
    return JSONResponse({"count": len(results), "results": results})


app = Starlette(routes=[Route("/partners/address-batch", validate_batch, methods=["POST"])])
