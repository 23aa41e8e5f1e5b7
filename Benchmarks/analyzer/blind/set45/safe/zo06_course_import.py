"""Import IMS Common Cartridge / content-package manifests into the LMS."""
import logging
import zipfile
from io import BytesIO

from flask import Blueprint, current_app, jsonify, request
from lxml import etree

bp = Blueprint("course_import", __name__, url_prefix="/import")
log = logging.getLogger(__name__)

NS = {"ims": "http://www.imsglobal.org/xsd/imscp_v1p1"}
MAX_PACKAGE_BYTES = 200 * 1024 * 1024


def manifest_parser() -> etree.XMLParser:
    return etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True, huge_tree=False)


def read_manifest(package: bytes) -> bytes:
    with zipfile.ZipFile(BytesIO(package)) as zf:
        return zf.read("imsmanifest.xml")


def parse_manifest(xml_bytes: bytes) -> dict:
    parser = manifest_parser()
    root = etree.fromstring(xml_bytes, parser)
    title = root.findtext(".//ims:organization/ims:title", namespaces=NS) or "Untitled course"
    items = []
    for item in root.iterfind(".//ims:item", namespaces=NS):
        items.append({
            "identifier": item.get("identifier"),
            "title": item.findtext("ims:title", namespaces=NS),
            "resource": item.get("identifierref"),
        })
    resources = {
        res.get("identifier"): res.get("href")
        for res in root.iterfind(".//ims:resource", namespaces=NS)
    }
    return {"title": title, "items": items, "resources": resources}


@bp.route("/package", methods=["POST"])
def import_package():
    upload = request.files.get("package")
    if upload is None:
        return jsonify({"error": "package file required"}), 400
    package = upload.read(MAX_PACKAGE_BYTES + 1)
    if len(package) > MAX_PACKAGE_BYTES:
        return jsonify({"error": "package too large"}), 413
    try:
        manifest = parse_manifest(read_manifest(package))
    except (zipfile.BadZipFile, KeyError):
        return jsonify({"error": "not a content package"}), 400
    except etree.XMLSyntaxError as exc:
        log.info("manifest syntax error: %r", str(exc))
        return jsonify({"error": "invalid manifest"}), 400

    importer = current_app.extensions["course_importer"]
    course_id = importer.create_course(manifest, owner=request.headers.get("X-User-Id"))
    return jsonify({
        "course_id": course_id,
        "title": manifest["title"],
        "modules": len(manifest["items"]),
    }), 201
