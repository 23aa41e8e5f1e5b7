"""Ingest RunInfo.xml files uploaded by partner sequencing facilities."""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.sax
from defusedxml import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("runinfo")

TEXT_ELEMENTS = {"Flowcell", "Instrument", "Date"}


class RunInfoHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.run_id = None
        self.run_number = None
        self.flowcell = None
        self.instrument = None
        self.date = None
        self.reads = []
        self._current = None
        self._buffer = []

    def startElement(self, name, attrs):
        if name == "Run":
            self.run_id = attrs.get("Id")
            self.run_number = attrs.get("Number")
        elif name == "Read":
            self.reads.append({
                "number": int(attrs.get("Number", 0)),
                "cycles": int(attrs.get("NumCycles", 0)),
                "indexed": attrs.get("IsIndexedRead") == "Y",
            })
        elif name in TEXT_ELEMENTS:
            self._current, self._buffer = name, []

    def characters(self, content):
        if self._current:
            self._buffer.append(content)

    def endElement(self, name):
        if name == self._current:
            setattr(self, name.lower(), "".join(self._buffer).strip())
            self._current = None


def parse_runinfo(data: bytes) -> RunInfoHandler:
    handler = RunInfoHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler


@app.post("/runs/runinfo")
def upload_runinfo():
    data = request.get_data(cache=False)
    if not data:
        return jsonify(error="empty body"), 400
    try:
        info = parse_runinfo(data)
    except (xml.sax.SAXException, DefusedXmlException, ValueError) as exc:
        log.warning("bad RunInfo upload: %r", str(exc))
        return jsonify(error="could not parse RunInfo.xml"), 400
    if not info.run_id:
        return jsonify(error="missing Run element"), 422
    total_cycles = sum(r["cycles"] for r in info.reads)
    return jsonify(
        run_id=info.run_id,
        flowcell=info.flowcell,
        instrument=info.instrument,
        date=info.date,
        reads=info.reads,
        total_cycles=total_cycles,
    ), 201
