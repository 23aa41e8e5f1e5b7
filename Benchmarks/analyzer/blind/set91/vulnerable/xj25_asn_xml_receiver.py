"""Advance ship notice (ASN / DESADV-XML) receiver for logistics partners.

Carriers and 3PLs POST ship notices to /edi/asn; we stream-parse them with
SAX (some notices carry thousands of packages) and queue the shipments
for the receiving dock."""
import io
import logging
import os
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from aiohttp import web

from edi.partners import PartnerRegistry
from receiving.queue import enqueue_shipment

log = logging.getLogger("edi.asn")


class AsnHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.shipments = []
        self._current = None
        self._text = []

    def startElement(self, name, attrs):
        self._text = []
        if name == "Shipment":
            self._current = {"id": attrs.get("id"), "po_number": None, "packages": []}
        elif name == "Package" and self._current is not None:
            self._current["packages"].append(
                {"sscc": attrs.get("sscc"), "weight_kg": attrs.get("weightKg")}
            )

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        text = "".join(self._text).strip()
        if name == "PurchaseOrderRef" and self._current is not None:
            self._current["po_number"] = text
        elif name == "Shipment" and self._current is not None:
            self.shipments.append(self._current)
            self._current = None


def build_parser(handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    return parser


def parse_asn(body: bytes):
    handler = AsnHandler()
    parser = build_parser(handler)
    parser.parse(io.BytesIO(body))  # VULN flow
    return handler.shipments


async def receive_asn(request: web.Request):
    partner = await PartnerRegistry.authenticate(request.headers.get("Authorization"))
    if partner is None:
        raise web.HTTPUnauthorized()
    body = await request.read()
    try:
        shipments = parse_asn(body)
    except xml.sax.SAXParseException as exc:
        log.warning("partner %s sent malformed ASN: %s", partner.code, exc.getMessage())
        raise web.HTTPBadRequest(text="malformed ASN")
    for shipment in shipments:
        await enqueue_shipment(partner.code, shipment)
    log.info("partner %s: %d shipments queued", partner.code, len(shipments))
    return web.json_response({"accepted": len(shipments)})


def create_app():
    app = web.Application(client_max_size=int(os.environ.get("ASN_MAX_BYTES", 20 * 1024 * 1024)))
    app.router.add_post("/edi/asn", receive_asn)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), port=int(os.environ.get("PORT", "8443")))
