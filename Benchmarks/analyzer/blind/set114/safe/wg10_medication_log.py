"""Receives dose reports from the vet pharmacy dispensing cabinets.

Cabinets POST a small XML document each time a keeper or vet withdraws a
controlled drug for an animal. We keep an audit log and forward to the EMR.
"""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import Flask, jsonify, request

app = Flask(__name__)
audit = logging.getLogger("vet.medication.audit")


class DoseHandler(ContentHandler):
    FIELDS = {"animal", "drug", "dose_mg", "route", "given_by", "note"}

    def __init__(self):
        super().__init__()
        self.current = None
        self.record: dict[str, str] = {}

    def startElement(self, name, attrs):
        self.current = name if name in self.FIELDS else None

    def characters(self, content):
        if self.current:
            self.record[self.current] = self.record.get(self.current, "") + content

    def endElement(self, name):
        self.current = None


def parse_dose(body: bytes) -> dict[str, str]:
    handler = DoseHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))
    return {k: v.strip() for k, v in handler.record.items()}


def write_audit(cabinet: str, dose: dict[str, str]) -> None:
    audit.info(
        "cabinet=%r animal=%r drug=%r dose_mg=%r by=%r note=%r",
        cabinet, dose.get("animal"), dose.get("drug"), dose.get("dose_mg"),
        dose.get("given_by"), dose.get("note", ""),
    )


@app.route("/cabinets/<cabinet>/doses", methods=["POST"])
def receive_dose(cabinet: str):
    try:
        dose = parse_dose(request.get_data())
    except xml.sax.SAXParseException as exc:
        return jsonify({"error": str(exc)}), 400
    missing = {"animal", "drug", "dose_mg"} - dose.keys()
    if missing:
        return jsonify({"error": f"missing {sorted(missing)}"}), 422
    write_audit(cabinet, dose)
    return jsonify({"status": "recorded"}), 201
