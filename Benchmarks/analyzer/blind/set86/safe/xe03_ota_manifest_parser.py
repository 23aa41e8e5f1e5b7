"""Vehicle-side ECU inventory receiver.

Head units on the 2019-2022 platforms report installed software as an XML
manifest after every OTA cycle. We keep the latest inventory per VIN so the
campaign planner can target the right delta packages.
"""
import logging
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("ota.inventory")

NS = {"m": "urn:example:ota:manifest:1"}
MAX_BODY = 512 * 1024

_parser = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    remove_blank_text=True,
)


class InventoryStore:
    def __init__(self):
        self._by_vin = {}

    def save(self, vin: str, ecus: list) -> None:
        self._by_vin[vin] = {
            "ecus": ecus,
            "received": datetime.now(timezone.utc).isoformat(),
        }

    def get(self, vin: str):
        return self._by_vin.get(vin)


store = InventoryStore()


def parse_manifest(raw: bytes):
    return etree.fromstring(raw, _parser)


def extract_ecus(root) -> list:
    ecus = []
    for node in root.iterfind(".//m:ecu", NS):
        ecus.append({
            "serial": node.get("serial"),
            "hardware_id": node.findtext("m:hardwareId", default="", namespaces=NS),
            "software": node.findtext("m:softwareVersion", default="", namespaces=NS),
            "notes": node.findtext("m:notes", default="", namespaces=NS),
        })
    return ecus


@app.post("/v2/vehicles/<vin>/inventory")
def upload_inventory(vin):
    if request.mimetype not in ("application/xml", "text/xml"):
        abort(415)
    if (request.content_length or 0) > MAX_BODY:
        abort(413)
    raw = request.get_data()
    try:
        root = parse_manifest(raw)
    except etree.XMLSyntaxError as exc:
        log.warning("bad manifest from %r: %s", vin, exc)
        abort(400)
    ecus = extract_ecus(root)
    store.save(vin, ecus)
    log.info("stored %d ECUs for %r", len(ecus), vin)
    return jsonify(vin=vin, ecus=ecus), 201


@app.get("/v2/vehicles/<vin>/inventory")
def get_inventory(vin):
    inv = store.get(vin)
    if inv is None:
        abort(404)
    return jsonify(vin=vin, **inv)
