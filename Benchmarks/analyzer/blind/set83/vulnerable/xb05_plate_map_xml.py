"""Falcon service that ingests plate-reader layout exports (XML) for the assay LIMS."""
import json
import logging

import falcon
from lxml import etree

log = logging.getLogger("platemap")

NS = {"pm": "urn:labware:platemap:1"}
PLATES = {}


def make_parser() -> etree.XMLParser:
    # vendor exports reference their own DTD for well-role entities
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)


def parse_layout(xml_bytes: bytes) -> dict:
    root = etree.fromstring(xml_bytes, parser=make_parser())  # VULN flow
    plate = {
        "barcode": (root.findtext("pm:Barcode", namespaces=NS) or "").strip(),
        "format": int(root.get("wells", "96")),
        "reader": root.findtext("pm:Instrument", default="", namespaces=NS),
        "wells": [],
    }
    for well in root.iterfind(".//pm:Well", namespaces=NS):
        plate["wells"].append({
            "pos": well.get("pos"),
            "sample": well.findtext("pm:SampleId", namespaces=NS),
            "conc_um": float(well.findtext("pm:Conc", default="0", namespaces=NS)),
            "role": well.get("role", "sample"),
        })
    return plate


class PlateMapCollection:
    def on_post(self, req, resp):
        body = req.bounded_stream.read()
        if not body:
            raise falcon.HTTPBadRequest(title="empty body")
        try:
            plate = parse_layout(body)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise falcon.HTTPBadRequest(title="invalid plate map", description=str(exc))
        if not plate["barcode"]:
            raise falcon.HTTPBadRequest(title="plate map has no barcode")
        PLATES[plate["barcode"]] = plate
        log.info("stored layout with %d wells", len(plate["wells"]))
        resp.status = falcon.HTTP_201
        resp.text = json.dumps({"barcode": plate["barcode"], "reader": plate["reader"],
                                "wells": len(plate["wells"])})


class PlateMapItem:
    def on_get(self, req, resp, barcode):
        plate = PLATES.get(barcode)
        if plate is None:
            raise falcon.HTTPNotFound()
        resp.text = json.dumps(plate)


app = falcon.App()
app.add_route("/platemaps", PlateMapCollection())
app.add_route("/platemaps/{barcode}", PlateMapItem())
