"""Import cell-site configuration exports (vendor OSS XML) into inventory.

Regional planners upload the bulk-CM XML export from the vendor OSS via the
planning portal; this module parses it and returns a list of site records.
"""
import logging
from dataclasses import dataclass
from typing import List

from flask import Blueprint, jsonify, request
from lxml import etree

log = logging.getLogger(__name__)
bp = Blueprint("site_import", __name__, url_prefix="/planning")

NS = {"cm": "http://www.3gpp.org/ftp/specs/archive/32_series/32.615#configData"}


@dataclass
class CellSite:
    site_id: str
    name: str
    lat: float
    lon: float
    technology: str


def _make_parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def parse_bulk_cm(raw: bytes) -> List[CellSite]:
    parser = _make_parser()
    root = etree.fromstring(raw, parser)
    sites = []
    for el in root.iterfind(".//cm:ManagedElement", NS):
        attrs = el.find("cm:attributes", NS)
        if attrs is None:
            continue
        sites.append(CellSite(
            site_id=el.get("id"),
            name=(attrs.findtext("cm:userLabel", default="", namespaces=NS)).strip(),
            lat=float(attrs.findtext("cm:latitude", default="0", namespaces=NS)),
            lon=float(attrs.findtext("cm:longitude", default="0", namespaces=NS)),
            technology=attrs.findtext("cm:technology", default="LTE", namespaces=NS),
        ))
    return sites


@bp.post("/sites/import")
def import_sites():
    upload = request.files.get("export")
    if upload is None:
        return jsonify(error="missing 'export' file"), 400
    try:
        sites = parse_bulk_cm(upload.read())
    except etree.XMLSyntaxError as exc:
        log.warning("rejected bulk CM upload: %r", exc)
        return jsonify(error="invalid XML"), 422
    log.info("parsed %d sites from %r", len(sites), upload.filename)
    return jsonify(
        count=len(sites),
        sites=[s.__dict__ for s in sites[:100]],
    )
