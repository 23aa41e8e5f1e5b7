"""Locate physical records boxes in the offsite storage manifest.

The vendor ships a nightly XML manifest; records clerks query it by custodian
and box label to request retrievals.
"""
import logging
import os
import threading

import falcon
from lxml import etree

log = logging.getLogger("records.locator")

MANIFEST_PATH = os.environ.get("RECORDS_MANIFEST", "/srv/records/offsite_manifest.xml")


class Manifest:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = None
        self.tree = None

    def refresh(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self.tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self.tree

    def find_boxes(self, custodian, label_prefix):
        tree = self.refresh()
        expr = "//box[@custodian=$custodian and starts-with(@label, $prefix)]"
        nodes = tree.xpath(expr, custodian=custodian, prefix=label_prefix)
        return [
            {
                "label": n.get("label"),
                "custodian": n.get("custodian"),
                "facility": n.findtext("facility"),
                "shelf": n.findtext("shelf"),
                "destroy_after": n.findtext("destroyAfter"),
            }
            for n in nodes
        ]


class BoxResource:
    def __init__(self, manifest):
        self.manifest = manifest

    def on_get(self, req, resp):
        custodian = req.get_param("custodian", required=True)
        label = req.get_param("label", default="")
        try:
            boxes = self.manifest.find_boxes(custodian, label)
        except etree.XPathEvalError:
            raise falcon.HTTPBadRequest(title="invalid query")
        log.info("box lookup custodian=%r label=%r -> %d", custodian, label, len(boxes))
        resp.media = {"boxes": boxes}


app = falcon.App()
app.add_route("/records/boxes", BoxResource(Manifest(MANIFEST_PATH)))
