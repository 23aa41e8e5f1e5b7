"""Ingest endpoint for concrete maturity / curing sensor gateways.

Gateways on each pour post an XML batch of temperature readings every
15 minutes; strength estimates are computed downstream.
"""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

import defusedxml.sax
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("cure.ingest")
READINGS = []


class CureReadingHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.readings = []
        self.gateway = None
        self._current = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "batch":
            self.gateway = attrs.get("gateway")
        elif name == "reading":
            self._current = {"sensor": attrs.get("sensor"), "pour": attrs.get("pour")}
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        text = "".join(self._text).strip()
        if self._current is not None and name in ("ts", "temp_c", "note"):
            self._current[name] = text
        elif name == "reading" and self._current is not None:
            self.readings.append(self._current)
            self._current = None


def parse_batch(payload: bytes) -> CureReadingHandler:
    handler = CureReadingHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))
    return handler


async def ingest(request: Request) -> JSONResponse:
    payload = await request.body()
    if len(payload) > 2 * 1024 * 1024:
        return JSONResponse({"error": "batch too large"}, status_code=413)
    try:
        handler = parse_batch(payload)
    except (xml.sax.SAXParseException, defusedxml.DefusedXmlException) as exc:
        log.warning("bad sensor batch: %r", str(exc))
        return JSONResponse({"error": "malformed batch"}, status_code=400)
    READINGS.extend(handler.readings)
    log.info("gateway %r delivered %d readings", handler.gateway, len(handler.readings))
    return JSONResponse({
        "gateway": handler.gateway,
        "accepted": len(handler.readings),
        "echo": handler.readings[-1] if handler.readings else None,
    })


app = Starlette(routes=[Route("/ingest/cure-sensors", ingest, methods=["POST"])])
