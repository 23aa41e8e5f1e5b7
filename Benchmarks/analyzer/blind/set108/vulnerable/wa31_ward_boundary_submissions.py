"""Accepts public ward-boundary proposals (KML) during the redistricting
comment period and extracts each proposed ward's name and polygon."""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("ward_submissions")
MAX_UPLOAD = 10 * 1024 * 1024
app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD


class PlacemarkHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.placemarks = []
        self._current = None
        self._buffer = []
        self._in = None

    def startElement(self, name, attrs):
        local = name.split(":")[-1]
        if local == "Placemark":
            self._current = {"name": "", "coordinates": []}
        elif self._current is not None and local in ("name", "coordinates"):
            self._in = local
            self._buffer = []

    def characters(self, content):
        if self._in:
            self._buffer.append(content)

    def endElement(self, name):
        local = name.split(":")[-1]
        if self._in == local:
            text = "".join(self._buffer).strip()
            if local == "name":
                self._current["name"] = text
            else:
                self._current["coordinates"].extend(
                    tuple(float(v) for v in pt.split(",")[:2]) for pt in text.split() if pt
                )
            self._in = None
        elif local == "Placemark" and self._current is not None:
            self.placemarks.append(self._current)
            self._current = None


def parse_submission(data: bytes) -> list:
    handler = PlacemarkHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler.placemarks


@app.post("/redistricting/proposals")
def submit_proposal():
    upload = request.files.get("kml")
    if upload is None or not upload.filename.lower().endswith(".kml"):
        return jsonify(error="attach a .kml file"), 400
    try:
        wards = parse_submission(upload.read())
    except (xml.sax.SAXParseException, ValueError) as exc:
        return jsonify(error=f"could not read KML: {exc}"), 400
    summary = [{"ward": w["name"], "vertices": len(w["coordinates"])} for w in wards]
    log.info("received proposal with %d wards", len(wards))
    return jsonify(wards=summary), 201
