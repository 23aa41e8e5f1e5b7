"""Look up hospital ward capabilities from the regional capability registry (XML)."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("capability")

REGISTRY_PATH = os.environ.get("CAPABILITY_REGISTRY", "/etc/ems/hospital_capabilities.xml")


class CapabilityRegistry:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                self._tree = etree.parse(self.path)
                self._mtime = mtime
        return self._tree

    def wards(self, hospital_code, specialty=None):
        expr = "//hospital[@code=$code]/ward"
        variables = {"code": hospital_code}
        if specialty:
            expr += "[specialty=$specialty]"
            variables["specialty"] = specialty
        nodes = self.tree().xpath(expr, **variables)
        return [
            {
                "name": n.get("name"),
                "specialty": n.findtext("specialty"),
                "beds": int(n.findtext("beds", "0")),
                "contact": n.findtext("contact"),
            }
            for n in nodes
        ]


registry = CapabilityRegistry(REGISTRY_PATH)


@app.route("/capability/<hospital_code>/wards")
def hospital_wards(hospital_code):
    specialty = request.args.get("specialty")
    try:
        wards = registry.wards(hospital_code, specialty)
    except etree.XPathError:
        log.warning("bad capability query for %r", hospital_code)
        abort(400)
    if not wards:
        abort(404)
    return jsonify({"hospital": hospital_code, "wards": wards})
