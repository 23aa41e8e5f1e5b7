"""OFX 2.x (XML) statement import for the personal-finance aggregation service."""
import logging
import xml.sax
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Dict, List

import defusedxml.sax
from aiohttp import web
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes
from xml.sax.xmlreader import InputSource

log = logging.getLogger("aggregation.ofx")
MAX_UPLOAD = 5 * 1024 * 1024
TXN_FIELDS = {"TRNTYPE", "DTPOSTED", "TRNAMT", "FITID", "NAME", "MEMO"}


class OfxHandler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.transactions: List[Dict[str, str]] = []
        self.account: Dict[str, str] = {}
        self._current = None
        self._field = None
        self._buf: List[str] = []

    def startElement(self, name, attrs):
        if name == "STMTTRN":
            self._current = {}
        elif name in TXN_FIELDS or name in ("ACCTID", "CURDEF"):
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            value = "".join(self._buf).strip()
            if self._current is not None and name in TXN_FIELDS:
                self._current[name] = value
            elif name in ("ACCTID", "CURDEF"):
                self.account[name] = value
            self._field = None
        elif name == "STMTTRN" and self._current is not None:
            self.transactions.append(self._current)
            self._current = None


def make_parser(handler: ContentHandler):
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    return parser


def parse_ofx(data: bytes) -> OfxHandler:
    handler = OfxHandler()
    parser = make_parser(handler)
    source = InputSource()
    source.setByteStream(BytesIO(data))
    parser.parse(source)
    return handler


async def upload_ofx(request: web.Request) -> web.Response:
    form = await request.post()
    field = form.get("file")
    if field is None or not hasattr(field, "file"):
        raise web.HTTPBadRequest(text="file field required")
    data = field.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD, actual_size=len(data))
    try:
        result = parse_ofx(data)
        for t in result.transactions:
            t["TRNAMT"] = str(Decimal(t.get("TRNAMT", "0")))
    except (xml.sax.SAXException, InvalidOperation) as exc:
        log.info("rejected OFX upload: %s", exc)
        raise web.HTTPUnprocessableEntity(text="could not parse OFX file")
    return web.json_response({"account": result.account, "transactions": result.transactions})


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD + 64 * 1024)
    app.router.add_post("/imports/ofx", upload_ofx)
    return app
