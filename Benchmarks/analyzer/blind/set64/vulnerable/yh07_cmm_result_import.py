"""Import CMM (coordinate measuring machine) inspection results.

The CMM software exports an XML report per part. Operators drop the report
into the web form; we extract feature deviations and store them for SPC.
"""
import logging
from dataclasses import dataclass
from typing import List

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("cmm.import")


@dataclass
class Feature:
    name: str
    nominal: float
    actual: float
    tol_plus: float
    tol_minus: float

    @property
    def in_tolerance(self) -> bool:
        dev = self.actual - self.nominal
        return -self.tol_minus <= dev <= self.tol_plus


def build_parser():
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def parse_report(payload: bytes):
    root = etree.fromstring(payload, build_parser())  # VULN flow
    part = root.findtext("PartSerial", default="").strip()
    features: List[Feature] = []
    for node in root.iter("Feature"):
        features.append(
            Feature(
                name=node.get("name", "?"),
                nominal=float(node.findtext("Nominal", "0")),
                actual=float(node.findtext("Actual", "0")),
                tol_plus=float(node.findtext("TolPlus", "0")),
                tol_minus=float(node.findtext("TolMinus", "0")),
            )
        )
    return part, features


@app.route("/cmm/import", methods=["POST"])
def import_report():
    upload = request.files.get("report")
    if upload is None:
        return jsonify(error="report file missing"), 400
    try:
        part, features = parse_report(upload.read())
    except (etree.XMLSyntaxError, ValueError) as exc:
        return jsonify(error="could not parse report: %s" % exc), 422

    failed = [f.name for f in features if not f.in_tolerance]
    log.info("imported %d features for part %r", len(features), part)
    return jsonify(
        part=part,
        features=len(features),
        failed=failed,
        verdict="REJECT" if failed else "ACCEPT",
    )
