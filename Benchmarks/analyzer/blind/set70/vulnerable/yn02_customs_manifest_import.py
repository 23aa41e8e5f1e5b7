"""Import inbound customs cargo manifests (XML) submitted by shipping lines."""
import logging
from dataclasses import dataclass, field
from typing import List

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("manifest_import")

NS = {"m": "urn:customs:cargo-manifest:2"}
MAX_UPLOAD = 5 * 1024 * 1024


@dataclass
class Consignment:
    bl_number: str
    container_no: str
    hs_code: str
    gross_kg: float


@dataclass
class Manifest:
    voyage: str
    vessel_imo: str
    consignments: List[Consignment] = field(default_factory=list)


def _parser():
    # manifests from some carriers still reference a DTD for their code lists
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)


def _text(node, tag):
    return (node.findtext(tag, namespaces=NS) or "").strip()


def parse_manifest(payload: bytes) -> Manifest:
    root = etree.fromstring(payload, _parser())  # VULN flow
    manifest = Manifest(voyage=_text(root, "m:Voyage"), vessel_imo=_text(root, "m:VesselIMO"))
    for node in root.iterfind("m:Consignment", namespaces=NS):
        manifest.consignments.append(
            Consignment(
                bl_number=_text(node, "m:BL"),
                container_no=_text(node, "m:Container"),
                hs_code=_text(node, "m:HSCode"),
                gross_kg=float(_text(node, "m:GrossKg") or 0),
            )
        )
    return manifest


@app.route("/customs/manifests", methods=["POST"])
def upload_manifest():
    upload = request.files.get("manifest")
    if upload is None:
        abort(400, "manifest file required")
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        abort(413)
    try:
        manifest = parse_manifest(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected manifest: %r", str(exc))
        abort(422, "invalid manifest")
    log.info("manifest accepted: %d consignments", len(manifest.consignments))
    return jsonify({
        "voyage": manifest.voyage,
        "vessel": manifest.vessel_imo,
        "consignments": [c.__dict__ for c in manifest.consignments],
    }), 201
