"""Upload endpoint for ifcXML exports; extracts storeys and spaces for the
site coordination board."""
import logging

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
log = logging.getLogger(__name__)

ALLOWED_TYPES = {"application/xml", "text/xml", "application/octet-stream"}


def make_parser() -> etree.XMLParser:
    # unit shorthands in exported DTDs are not needed for the summary,
    # so leave entities unexpanded
    return etree.XMLParser(
        load_dtd=False,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )


def parse_model(payload: bytes):
    parser = make_parser()
    return etree.fromstring(payload, parser)


def _text(el, tag):
    found = el.find("{*}" + tag)
    return found.text.strip() if found is not None and found.text else None


def summarise(root) -> dict:
    storeys = []
    for el in root.iter("{*}IfcBuildingStorey"):
        storeys.append({
            "id": el.get("id"),
            "name": _text(el, "Name"),
            "elevation": _text(el, "Elevation"),
        })
    spaces = []
    for el in root.iter("{*}IfcSpace"):
        spaces.append({
            "id": el.get("id"),
            "name": _text(el, "Name"),
            "long_name": _text(el, "LongName"),
        })
    project = next(root.iter("{*}IfcProject"), None)
    return {
        "project": _text(project, "Name") if project is not None else None,
        "storeys": storeys,
        "spaces": spaces,
    }


@app.route("/api/models/ifcxml", methods=["POST"])
def import_ifcxml():
    upload = request.files.get("model")
    if upload is None:
        abort(400, "missing model file")
    if upload.mimetype not in ALLOWED_TYPES:
        abort(415)
    data = upload.read()
    try:
        root = parse_model(data)
    except etree.XMLSyntaxError as exc:
        log.warning("rejected ifcXML upload: %r", str(exc))
        abort(422, "malformed ifcXML")
    summary = summarise(root)
    log.info("imported model with %d storeys", len(summary["storeys"]))
    return jsonify(summary), 201
