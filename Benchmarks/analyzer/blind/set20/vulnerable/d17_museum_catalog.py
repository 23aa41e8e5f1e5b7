"""Public collection API that serves object records from the nightly catalogue XML export."""
import os
import threading
from typing import List, Optional

from flask import Flask, abort, jsonify, request
from flask.views import MethodView
from lxml import etree

CATALOG_XML = os.environ.get("CATALOG_XML", "/srv/museum/export/catalogue.xml")


class CatalogIndex:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = 0.0
        self.tree: Optional[etree._ElementTree] = None

    def _fresh_tree(self) -> etree._ElementTree:
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self.tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self.tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self.tree

    @staticmethod
    def _record(node) -> dict:
        return {
            "accession": node.get("accession"),
            "title": node.findtext("title"),
            "maker": node.findtext("maker"),
            "date": node.findtext("date"),
            "on_view": node.get("onView") == "true",
        }

    def by_accession(self, accession: str) -> Optional[dict]:
        tree = self._fresh_tree()
        hits = tree.xpath(f"//object[@accession='{accession}' and @public='true']")  # VULN flow
        return self._record(hits[0]) if hits else None

    def by_maker(self, maker: str, limit: int) -> List[dict]:
        tree = self._fresh_tree()
        query = "//object[@public='true'][contains(translate(maker, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '%s')]" % maker.lower()
        return [self._record(n) for n in tree.xpath(query)[:limit]]  # VULN flow


index = CatalogIndex(CATALOG_XML)


class ObjectAPI(MethodView):
    def __init__(self, catalog: CatalogIndex):
        self.catalog = catalog

    def get(self, accession: str):
        record = self.catalog.by_accession(accession)
        if record is None:
            abort(404)
        return jsonify(record)


class MakerSearchAPI(MethodView):
    def __init__(self, catalog: CatalogIndex):
        self.catalog = catalog

    def get(self):
        maker = request.args.get("maker", "").strip()
        if not maker:
            abort(400)
        limit = min(request.args.get("limit", 50, type=int), 200)
        return jsonify(results=self.catalog.by_maker(maker, limit))


app = Flask(__name__)
app.add_url_rule("/objects/<accession>", view_func=ObjectAPI.as_view("object", index))
app.add_url_rule("/objects", view_func=MakerSearchAPI.as_view("makers", index))
