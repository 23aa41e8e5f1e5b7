"""Consignee self-service: look up consignments in the consolidated voyage manifest."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request, session
from lxml import etree

app = Flask(__name__)
app.secret_key = os.environ["CONSIGNEE_PORTAL_SECRET"]
log = logging.getLogger("manifest_query")

MANIFEST_DIR = "/srv/manifests/consolidated"


class ManifestIndex:
    """Lazily loaded, cached parse of one voyage's consolidated manifest."""

    _cache = {}
    _lock = threading.Lock()

    def __init__(self, voyage: str):
        self.voyage = voyage
        path = os.path.join(MANIFEST_DIR, "%s.xml" % voyage)
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    @classmethod
    def get(cls, voyage: str) -> "ManifestIndex":
        with cls._lock:
            if voyage not in cls._cache:
                cls._cache[voyage] = cls(voyage)
            return cls._cache[voyage]

    def consignments_for(self, party_code: str, bl_no: str):
        query = "//Consignment[BL/text()=$bl and Consignee/Code/text()=$party]"
        return self.tree.xpath(query, bl=bl_no, party=party_code)


def serialise(node) -> dict:
    return {
        "bl": node.findtext("BL"),
        "container": node.findtext("Container/Number"),
        "packages": node.findtext("Packages"),
        "description": node.findtext("Goods/Description"),
        "gross_kg": node.findtext("Goods/GrossKg"),
    }


@app.route("/voyages/<voyage>/consignments")
def consignments(voyage):
    party = session.get("party_code")
    if not party:
        abort(401)
    if not voyage.isalnum():
        abort(404)
    bl_no = request.args.get("bl", "").strip()
    try:
        index = ManifestIndex.get(voyage)
    except OSError:
        abort(404)
    nodes = index.consignments_for(party, bl_no)
    return jsonify([serialise(n) for n in nodes])
