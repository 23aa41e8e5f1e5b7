"""Insurance eligibility check endpoint (271 responses relayed as XML by the clearinghouse).

Front-desk staff paste or upload the XML eligibility response; we stream-parse
it and return the coverage summary shown on the check-in screen.
"""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from flask import Flask, abort, jsonify, request

from checkin.auth import staff_required

app = Flask(__name__)
log = logging.getLogger("checkin.eligibility")

MAX_UPLOAD = 2 * 1024 * 1024


class CoverageHandler(ContentHandler):
    FIELDS = {"PayerName", "MemberId", "PlanName", "GroupNumber", "Copay", "Deductible",
              "DeductibleMet", "CoverageStatus", "EffectiveDate"}

    def __init__(self):
        super().__init__()
        self.summary = {}
        self._current = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name in self.FIELDS:
            self._current = name
            self._buffer = []

    def characters(self, content):
        if self._current:
            self._buffer.append(content)

    def endElement(self, name):
        if name == self._current:
            self.summary[name] = "".join(self._buffer).strip()
            self._current = None


def build_parser(handler: ContentHandler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    return parser


@app.post("/eligibility/parse")
@staff_required
def parse_eligibility():
    upload = request.files.get("response")
    raw = upload.read(MAX_UPLOAD + 1) if upload else request.get_data()
    if not raw or len(raw) > MAX_UPLOAD:
        abort(400, "missing or oversized eligibility response")

    handler = CoverageHandler()
    parser = build_parser(handler)
    try:
        parser.parse(io.BytesIO(raw))  # VULN flow
    except xml.sax.SAXParseException as exc:
        log.info("unparseable eligibility response: line %s", exc.getLineNumber())
        abort(400, "eligibility response is not valid XML")

    summary = handler.summary
    if "MemberId" not in summary:
        abort(422, "no member found in response")
    summary["active"] = summary.get("CoverageStatus", "").lower() in {"active", "1"}
    return jsonify(summary)
