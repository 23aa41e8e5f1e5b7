"""Import OPC UA NodeSet2 XML files into the gateway's tag catalogue.

Integrators upload the NodeSet exported from the PLC engineering tool; we
stream-parse it with SAX (files can be tens of MB) and collect variables.
"""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("gateway.nodeset")


class NodeSetHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.variables = []
        self._current = None
        self._in_name = False
        self._text = []

    def startElement(self, name, attrs):
        if name == "UAVariable":
            self._current = {
                "node_id": attrs.get("NodeId"),
                "browse_name": attrs.get("BrowseName"),
                "data_type": attrs.get("DataType"),
                "access": int(attrs.get("AccessLevel", "1")),
            }
        elif name == "DisplayName" and self._current is not None:
            self._in_name = True
            self._text = []

    def characters(self, content):
        if self._in_name:
            self._text.append(content)

    def endElement(self, name):
        if name == "DisplayName" and self._in_name:
            self._current["display_name"] = "".join(self._text).strip()
            self._in_name = False
        elif name == "UAVariable" and self._current is not None:
            self.variables.append(self._current)
            self._current = None


def make_parser():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    return parser


def parse_nodeset(stream):
    handler = NodeSetHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler.variables


@app.route("/gateway/nodesets", methods=["POST"])
def upload_nodeset():
    upload = request.files.get("nodeset")
    if upload is None:
        return jsonify(error="nodeset file missing"), 400
    try:
        variables = parse_nodeset(io.BytesIO(upload.read()))
    except xml.sax.SAXParseException as exc:
        return jsonify(error="parse error: %s" % exc), 422
    writable = sum(1 for v in variables if v["access"] & 0x02)
    log.info("nodeset import: %d variables (%d writable)", len(variables), writable)
    return jsonify(variables=len(variables), writable=writable, sample=variables[:20])
