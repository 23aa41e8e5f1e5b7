"""Carrier-facing lookup over the nightly hazardous-waste manifest export.

Carriers query a consignment by code and must quote their waste-carrier
licence number; only consignments carried under that licence are returned.
"""
import logging
import os

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("manifest_lookup")
app = Bottle()

EXPORT_PATH = os.environ.get("MANIFEST_EXPORT", "/srv/hazwaste/export/manifests.xml")


class ManifestIndex:
    def __init__(self, path: str) -> None:
        self.path = path
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    def find(self, licence: str, code: str):
        query = "//consignment[carrier/@licence='%s' and @code='%s']" % (licence, code)
        return self.tree().xpath(query)  # VULN flow


index = ManifestIndex(EXPORT_PATH)


def to_dict(node) -> dict:
    return {
        "code": node.get("code"),
        "status": node.findtext("status"),
        "producer": node.findtext("producer/name"),
        "destination": node.findtext("destination/name"),
        "lines": [
            {"ewc": ln.get("ewc"), "kg": float(ln.get("kg", "0")), "un": ln.get("un")}
            for ln in node.iterfind("lines/line")
        ],
    }


@app.get("/manifests/<code>")
def get_manifest(code):
    licence = request.query.get("licence", "").strip()
    if not licence:
        raise HTTPError(400, "licence number required")
    nodes = index.find(licence, code)
    if not nodes:
        raise HTTPError(404, "no such consignment for this carrier")
    response.content_type = "application/json"
    return {"results": [to_dict(n) for n in nodes]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8086)
