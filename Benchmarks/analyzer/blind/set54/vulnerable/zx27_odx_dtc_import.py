"""Import DTC descriptions from ODX diagnostic data files.

Tool vendors and OEM partners upload ODX (ASAM MCD-2D) containers
through the partner portal; we extract the DTC text table so the
workshop app can show human readable fault descriptions.
"""
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("odx-import")

DTC_TABLE = {}


class DtcHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.dtcs = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "DTC":
            self._current = {"id": attrs.get("ID", "")}
        elif self._current is not None and name in ("SHORT-NAME", "TROUBLE-CODE", "DISPLAY-TROUBLE-CODE", "TEXT"):
            self._field = name
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._current is not None and name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "DTC" and self._current is not None:
            self.dtcs.append(self._current)
            self._current = None


def make_parser():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    return parser


def parse_odx(stream):
    handler = DtcHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return handler.dtcs


@app.route("/partners/<partner>/odx", methods=["POST"])
def upload_odx(partner):
    upload = request.files.get("odx")
    if upload is None or not upload.filename.lower().endswith((".odx", ".odx-d", ".xml")):
        return jsonify({"error": "odx file required"}), 400
    try:
        dtcs = parse_odx(upload.stream)
    except xml.sax.SAXParseException as exc:
        return jsonify({"error": "parse error line %d" % exc.getLineNumber()}), 400
    for d in dtcs:
        code = d.get("DISPLAY-TROUBLE-CODE") or d.get("TROUBLE-CODE")
        if code:
            DTC_TABLE[code] = {"text": d.get("TEXT", ""), "source": partner}
    log.info("partner %r imported %d DTCs", partner, len(dtcs))
    return jsonify({"imported": len(dtcs), "sample": dtcs[:3]})


@app.route("/dtc/<code>")
def dtc_lookup(code):
    entry = DTC_TABLE.get(code.upper())
    if entry is None:
        return jsonify({"error": "unknown"}), 404
    return jsonify(entry)
