"""Extract metadata from uploaded EPUB files for the e-book catalogue."""
import io
import logging
import zipfile

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("epub_ingest")

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MAX_UPLOAD = 50 * 1024 * 1024


def xml_parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def read_xml(archive, name):
    data = archive.read(name)
    return etree.fromstring(data, xml_parser())


def locate_opf(archive):
    container = read_xml(archive, "META-INF/container.xml")
    rootfile = container.find(".//c:rootfile", NS)
    if rootfile is None:
        raise ValueError("container.xml has no rootfile")
    return rootfile.get("full-path")


def extract_metadata(archive):
    opf = read_xml(archive, locate_opf(archive))
    meta = opf.find("opf:metadata", NS)
    if meta is None:
        raise ValueError("OPF without metadata")

    def text(tag):
        el = meta.find(f"dc:{tag}", NS)
        return el.text.strip() if el is not None and el.text else None

    return {
        "title": text("title"),
        "creator": text("creator"),
        "language": text("language"),
        "publisher": text("publisher"),
        "identifier": text("identifier"),
        "description": text("description"),
        "epub_version": opf.get("version"),
    }


@app.route("/api/ebooks/inspect", methods=["POST"])
def inspect_epub():
    upload = request.files.get("epub")
    if upload is None:
        abort(400, "missing epub")
    blob = upload.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        abort(413)
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            metadata = extract_metadata(archive)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        log.warning("rejecting upload %r: %s", upload.filename, type(exc).__name__)
        abort(422)
    return jsonify(metadata)
