"""Import Green Button (ESPI) interval data uploaded by customers.

Customers download their usage XML from another utility and upload it here so
the solar-sizing tool can use a full year of history.
"""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("greenbutton")
ESPI_NS = "http://naesb.org/espi"
ATOM_NS = "http://www.w3.org/2005/Atom"


class IntervalHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.readings = []
        self.titles = []
        self._path = []
        self._text = []
        self._current = {}

    def startElementNS(self, name, qname, attrs):
        self._path.append(name[1])
        self._text = []
        if name == (ESPI_NS, "IntervalReading"):
            self._current = {}

    def characters(self, content):
        self._text.append(content)

    def endElementNS(self, name, qname):
        text = "".join(self._text).strip()
        local = self._path.pop()
        if name == (ATOM_NS, "title") and text:
            self.titles.append(text)
        elif local == "start" and "timePeriod" in self._path:
            self._current["start"] = int(text)
        elif local == "duration" and "timePeriod" in self._path:
            self._current["duration"] = int(text)
        elif local == "value" and self._path and self._path[-1] == "IntervalReading":
            self._current["wh"] = int(text)
        elif name == (ESPI_NS, "IntervalReading"):
            self.readings.append(self._current)
        self._text = []


def parse_green_button(stream) -> IntervalHandler:
    handler = IntervalHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    # some utilities ship the ESPI entity set as an external DTD
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return handler


@app.post("/api/usage/green-button")
def import_usage():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="no file"), 400
    try:
        handler = parse_green_button(io.BytesIO(upload.read()))
    except (xml.sax.SAXException, ValueError) as exc:
        log.info("green button import failed: %r", exc)
        return jsonify(error="invalid Green Button file"), 422
    total_kwh = sum(r.get("wh", 0) for r in handler.readings) / 1000.0
    return jsonify(usage_point=handler.titles[:3], intervals=len(handler.readings),
                   total_kwh=round(total_kwh, 2))
