"""Import endpoint for shipping manifests (ASN XML) sent by suppliers."""
import logging
from dataclasses import dataclass
from typing import List
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as etree
from defusedxml.common import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 8 * 1024 * 1024
log = logging.getLogger("asn-import")

NS = {"asn": "urn:logistics:asn:2"}


@dataclass
class ManifestLine:
    sku: str
    quantity: int
    lot: str


@dataclass
class Manifest:
    supplier: str
    reference: str
    lines: List[ManifestLine]


def parse_manifest(raw: bytes) -> Manifest:
    root = etree.fromstring(raw, forbid_dtd=True)
    header = root.find("asn:Header", NS)
    lines = [
        ManifestLine(
            sku=el.findtext("asn:SKU", default="", namespaces=NS),
            quantity=int(el.findtext("asn:Qty", default="0", namespaces=NS)),
            lot=el.findtext("asn:Lot", default="", namespaces=NS),
        )
        for el in root.iterfind("asn:Lines/asn:Line", NS)
    ]
    return Manifest(
        supplier=header.findtext("asn:Supplier", default="", namespaces=NS),
        reference=header.findtext("asn:Reference", default="", namespaces=NS),
        lines=lines,
    )


@app.post("/asn/import")
def import_manifest():
    upload = request.files.get("manifest")
    if upload is None:
        return jsonify(error="manifest file required"), 400
    try:
        manifest = parse_manifest(upload.read())
    except (ParseError, DefusedXmlException, AttributeError, ValueError) as exc:
        log.warning("rejected manifest: %r", exc)
        return jsonify(error="invalid manifest"), 422
    log.info("imported manifest %r with %d lines", manifest.reference, len(manifest.lines))
    return jsonify(
        supplier=manifest.supplier,
        reference=manifest.reference,
        lines=[line.__dict__ for line in manifest.lines],
    )
