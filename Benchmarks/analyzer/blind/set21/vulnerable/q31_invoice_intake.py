"""aiohttp intake endpoint for e-invoices (UBL XML) submitted by suppliers."""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from aiohttp import web

log = logging.getLogger("einvoice")

UBL_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
WANTED = {"ID", "IssueDate", "PayableAmount", "DocumentCurrencyCode"}
MAX_BODY = 2 * 1024 * 1024


class InvoiceHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.fields = {}
        self._current = None
        self._buffer = []

    def startElementNS(self, name, qname, attrs):
        uri, local = name
        if uri == UBL_CBC and local in WANTED and local not in self.fields:
            self._current, self._buffer = local, []

    def characters(self, content):
        if self._current:
            self._buffer.append(content)

    def endElementNS(self, name, qname):
        if self._current and name[1] == self._current:
            self.fields[self._current] = "".join(self._buffer).strip()
            self._current = None


def extract_fields(document):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, True)
    handler = InvoiceHandler()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(document))  # VULN flow
    return handler.fields


async def submit_invoice(request):
    supplier = request.match_info["supplier_id"]
    body = await request.read()
    if len(body) > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=len(body))
    try:
        fields = extract_fields(body)
    except xml.sax.SAXException:
        raise web.HTTPBadRequest(text="malformed invoice XML")
    missing = WANTED - set(fields)
    if missing:
        raise web.HTTPUnprocessableEntity(text=f"missing fields: {', '.join(sorted(missing))}")
    await request.app["queue"].put({"supplier": supplier, **fields})
    log.info("invoice %r accepted from supplier %r", fields["ID"], supplier)
    return web.json_response({"accepted": fields["ID"]}, status=202)


def build_app(queue):
    app = web.Application(client_max_size=MAX_BODY)
    app["queue"] = queue
    app.router.add_post("/suppliers/{supplier_id}/invoices", submit_invoice)
    return app
