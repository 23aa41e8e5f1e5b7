"""S3-triggered Lambda that ingests supplier delivery manifests (XML) for the hotel kitchens."""
import io
import logging
import os
import urllib.parse
import xml.sax
from decimal import Decimal
from xml.sax.handler import feature_external_ges

import boto3
import defusedxml.sax

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
deliveries = boto3.resource("dynamodb").Table(os.environ["DELIVERIES_TABLE"])


class ManifestHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.supplier = None
        self.delivery_no = None
        self.lines = []
        self._line = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "manifest":
            self.supplier = attrs.get("supplier")
            self.delivery_no = attrs.get("number")
        elif name == "line":
            self._line = {"sku": attrs.get("sku"), "qty": Decimal(attrs.get("qty", "0")), "unit": attrs.get("unit", "ea")}
        elif name == "description":
            self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "description" and self._line is not None:
            self._line["description"] = "".join(self._text).strip()
        elif name == "line" and self._line is not None:
            self.lines.append(self._line)
            self._line = None


def parse_manifest(body):
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    handler = ManifestHandler()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))
    return handler


def handler(event, context):
    stored = 0
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        manifest = parse_manifest(body)
        if not manifest.supplier or not manifest.delivery_no:
            logger.warning("manifest %r lacks supplier or delivery number", key)
            continue
        deliveries.put_item(
            Item={
                "supplier": manifest.supplier,
                "delivery_no": manifest.delivery_no,
                "source_key": key,
                "lines": manifest.lines,
            }
        )
        stored += 1
        logger.info("stored delivery %r from %r with %d lines", manifest.delivery_no, manifest.supplier, len(manifest.lines))
    return {"stored": stored}
