"""Smart minibar feed receiver.

Each in-room minibar posts an XML consumption report when a sensor
detects a product being lifted; we turn it into folio postings.
"""
import hashlib
import hmac
import io
import logging
import os
import xml.sax
from xml.sax.handler import feature_external_ges

from bottle import Bottle, HTTPResponse, request

app = Bottle()
log = logging.getLogger("minibar")
DEVICE_KEY = os.environ.get("MINIBAR_DEVICE_KEY", "").encode()
PRICE_LIST = {"WATER500": 450, "COLA330": 550, "CHIPS": 600, "NUTS": 750, "BEER330": 850, "WINE187": 1400}


class MinibarHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.room = None
        self.items = []
        self._text = []

    def startElement(self, name, attrs):
        if name == "report":
            self.room = attrs.get("room")
        elif name == "item":
            self.items.append({"sku": attrs.get("sku"), "qty": int(attrs.get("qty", "1")), "note": ""})
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "note" and self.items:
            self.items[-1]["note"] = "".join(self._text).strip()


def parse_feed(body: bytes) -> MinibarHandler:
    handler = MinibarHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))  # VULN flow
    return handler


def signature_ok(body: bytes, supplied: str) -> bool:
    expected = hmac.new(DEVICE_KEY, body, hashlib.sha256).hexdigest()
    return bool(DEVICE_KEY) and hmac.compare_digest(expected, supplied)


@app.post("/minibar/report")
def report():
    body = request.body.read()
    if not signature_ok(body, request.get_header("X-Device-Signature", "")):
        return HTTPResponse(status=401)
    try:
        feed = parse_feed(body)
    except (xml.sax.SAXException, ValueError) as exc:
        log.warning("unparseable minibar report: %r", exc)
        return HTTPResponse(status=400)
    postings = []
    for item in feed.items:
        price = PRICE_LIST.get(item["sku"])
        if price is None:
            continue
        postings.append({"room": feed.room, "sku": item["sku"], "qty": item["qty"],
                         "amount": price * item["qty"], "memo": item["note"][:60]})
    from pms_client import post_minibar_charges  # type: ignore

    post_minibar_charges(postings)
    return {"room": feed.room, "posted": len(postings), "items": postings}
