import base64
import json
import os
import xml.sax

import boto3
import defusedxml.sax
from defusedxml import DefusedXmlException

dynamo = boto3.resource("dynamodb")
TABLE = dynamo.Table(os.environ.get("CATALOG_TABLE", "vendor-catalog"))


class ProductHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.products = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "product":
            self._current = {"sku": attrs.get("sku")}
        elif self._current is not None and name in ("name", "price", "stock", "description"):
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "product" and self._current:
            self.products.append(self._current)
            self._current = None


def parse_feed(data):
    handler = ProductHandler()
    defusedxml.sax.parseString(data, handler)
    return handler.products


def handler(event, context):
    body = event.get("body") or ""
    data = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
    vendor = event["requestContext"]["authorizer"]["vendor_id"]
    try:
        products = parse_feed(data)
    except (xml.sax.SAXParseException, DefusedXmlException):
        return {"statusCode": 400, "body": json.dumps({"error": "feed rejected"})}
    with TABLE.batch_writer() as batch:
        for p in products:
            batch.put_item(Item={"vendor_id": vendor, **p})
    return {"statusCode": 200, "body": json.dumps({"imported": len(products), "sample": products[:3]})}
