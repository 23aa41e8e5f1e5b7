"""Cloud Function for the museum's collections archive (catalogue import + scan retrieval)."""
import hmac
import io
import logging
import os
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

import functions_framework
from flask import abort, jsonify, send_file
from google.cloud import firestore

log = logging.getLogger("museum.archive")

SCAN_DIR = os.environ.get("SCAN_DIR", "/mnt/scans")
RECORD_FIELDS = {"accession", "title", "maker", "date", "medium"}
db = firestore.Client()


class AccessionHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.records, self._current, self._field, self._buf = [], None, None, []

    def startElement(self, name, attrs):
        if name == "object":
            self._current = {}
        elif self._current is not None and name in RECORD_FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "object" and self._current is not None:
            self.records.append(self._current)
            self._current = None


def parse_catalogue(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    handler = AccessionHandler()
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return handler.records


def import_catalogue(request):
    records = parse_catalogue(io.BytesIO(request.get_data()))
    batch = db.batch()
    for rec in records:
        if "accession" in rec:
            batch.set(db.collection("objects").document(rec["accession"].replace("/", "-")), rec)
    batch.commit()
    log.info("imported %d catalogue records", len(records))
    return jsonify({"imported": len(records)})


@functions_framework.http
def archive_api(request):
    if not hmac.compare_digest(request.headers.get("X-Archive-Key", ""), os.environ["ARCHIVE_API_KEY"]):
        abort(401)
    if request.method == "POST" and request.path == "/catalogue":
        try:
            return import_catalogue(request)
        except xml.sax.SAXException:
            abort(400)
    if request.method == "GET" and request.path == "/scans":
        if "name" not in request.args:
            abort(400)
        return send_file(os.path.join(SCAN_DIR, request.args["name"]), mimetype="image/tiff")  # VULN
    abort(404)
