"""Collection search API over the nightly LIDO export of the museum catalogue."""
import logging
import os
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("collection.api")

LIDO_EXPORT = os.environ.get("LIDO_EXPORT", "/srv/museum/export/lido.xml")
NS = {"lido": "http://www.lido-schema.org"}
PUBLIC_ONLY = "not(.//lido:rightsType/lido:term='restricted')"


class Catalogue:
    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self._tree

    def find_objects(self, accession: str = "", maker: str = "") -> list:
        conditions = [PUBLIC_ONLY]
        if accession:
            conditions.append("lido:lidoRecID=$accession")
        if maker:
            conditions.append(
                "contains(.//lido:eventActor//lido:appellationValue, $maker)"
            )
        expr = "//lido:lido[" + " and ".join(conditions) + "]"
        return self.tree().xpath(expr, namespaces=NS, accession=accession, maker=maker)


catalogue = Catalogue(LIDO_EXPORT)


def summarise(record) -> dict:
    def text(path):
        found = record.xpath(path, namespaces=NS)
        return found[0].text if found and found[0].text else None

    return {
        "id": text("lido:lidoRecID"),
        "title": text(".//lido:titleSet/lido:appellationValue"),
        "maker": text(".//lido:eventActor//lido:appellationValue"),
        "date": text(".//lido:eventDate/lido:displayDate"),
    }


@app.get("/api/objects")
def search_objects():
    accession = request.args.get("accession", "").strip()
    maker = request.args.get("maker", "").strip()
    if not accession and not maker:
        return jsonify(error="accession or maker required"), 400
    records = catalogue.find_objects(accession, maker)
    return jsonify(count=len(records), objects=[summarise(r) for r in records[:100]])
