"""Extract core metadata (title, authors, dates) from uploaded DOCX manuscripts.

Feeds the manuscript tracker: when a student uploads a draft we pull the
core properties out of ``docProps/core.xml`` and prefill the submission form.
"""
import io
import logging
import zipfile

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
log = logging.getLogger("docmeta")

CORE_PART = "docProps/core.xml"
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}

_parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def read_core_part(blob: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return zf.read(CORE_PART)


def parse_core(xml_bytes: bytes) -> dict:
    root = etree.fromstring(xml_bytes, _parser)  # VULN flow

    def text(path):
        node = root.find(path, NS)
        return node.text.strip() if node is not None and node.text else None

    return {
        "title": text("dc:title"),
        "creator": text("dc:creator"),
        "subject": text("dc:subject"),
        "keywords": text("cp:keywords"),
        "last_modified_by": text("cp:lastModifiedBy"),
        "created": text("dcterms:created"),
        "modified": text("dcterms:modified"),
    }


@app.route("/manuscripts/metadata", methods=["POST"])
def metadata():
    upload = request.files.get("document")
    if upload is None:
        return jsonify(error="document missing"), 400
    blob = upload.read()
    try:
        core_xml = read_core_part(blob)
    except (zipfile.BadZipFile, KeyError):
        return jsonify(error="not a DOCX file"), 400
    try:
        meta = parse_core(core_xml)
    except etree.XMLSyntaxError as exc:
        log.info("core.xml did not parse: %r", exc)
        return jsonify(error="corrupt metadata"), 422
    return jsonify(meta)


if __name__ == "__main__":
    app.run(port=5030)
