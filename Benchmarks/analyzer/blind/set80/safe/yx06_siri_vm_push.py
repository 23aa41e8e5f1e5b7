"""Receives SIRI-VM vehicle monitoring pushes from partner operators."""
import logging
import os
from datetime import datetime

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("siri_push")

NS = {"siri": "http://www.siri.org.uk/siri"}
MAX_BODY = int(os.environ.get("SIRI_MAX_BODY", str(2 * 1024 * 1024)))
POSITIONS = {}


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def _text(node, path):
    found = node.find(path, NS)
    return found.text.strip() if found is not None and found.text else None


def parse_delivery(payload: bytes):
    root = etree.fromstring(payload, make_parser())
    activities = []
    for va in root.iterfind(".//siri:VehicleActivity", NS):
        journey = va.find(".//siri:MonitoredVehicleJourney", NS)
        if journey is None:
            continue
        activities.append({
            "vehicle": _text(journey, "siri:VehicleRef"),
            "line": _text(journey, "siri:LineRef"),
            "lat": _text(journey, "siri:VehicleLocation/siri:Latitude"),
            "lon": _text(journey, "siri:VehicleLocation/siri:Longitude"),
            "recorded": _text(va, "siri:RecordedAtTime"),
        })
    return activities


@app.route("/siri/vm/<operator>", methods=["POST"])
def receive_push(operator):
    if request.content_length and request.content_length > MAX_BODY:
        return jsonify({"error": "payload too large"}), 413
    try:
        activities = parse_delivery(request.get_data())
    except etree.XMLSyntaxError:
        return jsonify({"error": "malformed xml"}), 400
    for act in activities:
        if act["vehicle"]:
            POSITIONS[(operator, act["vehicle"])] = act
    log.info("operator %r pushed %d activities", operator, len(activities))
    return jsonify({
        "received": len(activities),
        "at": datetime.utcnow().isoformat() + "Z",
        "sample": activities[:1],
    })


@app.route("/siri/vm/<operator>/vehicles")
def list_vehicles(operator):
    return jsonify([v for (op, _), v in POSITIONS.items() if op == operator])
