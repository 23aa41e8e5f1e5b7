"""Import nurse shift rosters exported from the scheduling vendor."""
import logging
import os
import xml.sax
from datetime import datetime
from xml.sax.handler import feature_external_ges

from flask import Blueprint, abort, jsonify, request

from hospital.auth import roles_required
from hospital.rosters import save_shifts

bp = Blueprint("rosters", __name__, url_prefix="/rosters")
log = logging.getLogger("hospital.rosters")

UPLOAD_DIR = os.environ.get("ROSTER_UPLOAD_DIR", "/srv/hospital/rosters")


class ShiftHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.shifts = []
        self._current = None
        self._field = None

    def startElement(self, name, attrs):
        if name == "shift":
            self._current = {"ward": attrs.get("ward"), "staff_id": attrs.get("staffId")}
        elif self._current is not None and name in ("start", "end", "role"):
            self._field = name
            self._current[name] = ""

    def characters(self, content):
        if self._current is not None and self._field:
            self._current[self._field] += content

    def endElement(self, name):
        if name == "shift" and self._current is not None:
            self._current["start"] = datetime.fromisoformat(self._current["start"].strip())
            self._current["end"] = datetime.fromisoformat(self._current["end"].strip())
            self.shifts.append(self._current)
            self._current = None
        self._field = None


def parse_roster(path):
    handler = ShiftHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # VULN
    parser.setContentHandler(handler)
    parser.parse(path)
    return handler.shifts


@bp.route("/import", methods=["POST"])
@roles_required("scheduler")
def import_roster():
    upload = request.files.get("roster")
    if upload is None or not upload.filename.endswith(".xml"):
        abort(400, "an XML roster file is required")
    dest = os.path.join(UPLOAD_DIR, upload.filename)
    upload.save(dest)  # VULN flow
    try:
        shifts = parse_roster(dest)
    except (xml.sax.SAXException, KeyError, ValueError):
        log.warning("roster upload could not be parsed")
        abort(422, "roster could not be parsed")
    saved = save_shifts(shifts)
    log.info("imported %d shifts", saved)
    return jsonify(imported=saved)
