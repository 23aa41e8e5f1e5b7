"""Intake endpoint for XML sample manifests sent by collection sites."""
import logging

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("manifest-intake")

MAX_MANIFEST_BYTES = 5 * 1024 * 1024
NS = {"m": "urn:biobank:manifest:1.2"}

_parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class ManifestError(ValueError):
    pass


def _sample_from_node(node):
    return {
        "barcode": node.findtext("m:barcode", namespaces=NS),
        "tissue": node.findtext("m:tissue", namespaces=NS),
        "volume_ul": float(node.findtext("m:volume", default="0", namespaces=NS)),
        "comment": node.findtext("m:comment", default="", namespaces=NS),
    }


def parse_manifest(data: bytes) -> dict:
    root = etree.fromstring(data, _parser)
    site = root.findtext("m:site", namespaces=NS)
    if not site:
        raise ManifestError("manifest has no site element")
    samples = [_sample_from_node(n) for n in root.iterfind("m:sample", namespaces=NS)]
    if not samples:
        raise ManifestError("manifest lists no samples")
    missing = [s for s in samples if not s["barcode"]]
    if missing:
        raise ManifestError(f"{len(missing)} samples without barcode")
    return {"site": site, "samples": samples}


@app.post("/manifests")
def upload_manifest():
    if request.content_length and request.content_length > MAX_MANIFEST_BYTES:
        return jsonify(error="manifest too large"), 413
    data = request.get_data()
    try:
        manifest = parse_manifest(data)
    except (etree.XMLSyntaxError, ManifestError, ValueError) as exc:
        log.warning("rejected manifest: %r", str(exc))
        return jsonify(error="invalid manifest", detail=str(exc)), 400
    log.info("accepted manifest from %r with %d samples", manifest["site"], len(manifest["samples"]))
    # echo what was parsed so the site coordinator can confirm the shipment
    return jsonify(
        site=manifest["site"],
        received=len(manifest["samples"]),
        samples=manifest["samples"],
    )
