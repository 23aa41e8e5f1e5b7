"""Vendor timesheet import.

Contractor agencies upload weekly timesheets as XML exported from their own
time-tracking tools. We parse the entries and stage them for approval.
"""
import logging
from typing import List

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("timesheets.import")

MAX_UPLOAD = 2 * 1024 * 1024
PARSER_OPTS = dict(resolve_entities=False, load_dtd=False, no_network=True, remove_comments=True)

STAGED: List[dict] = []


class TimesheetError(Exception):
    pass


def _entry_from_node(node) -> dict:
    hours = node.findtext("hours") or "0"
    try:
        hours_val = float(hours)
    except ValueError:
        raise TimesheetError(f"invalid hours value in entry {node.get('id')}")
    return {
        "employee_id": (node.findtext("employeeId") or "").strip(),
        "date": (node.findtext("date") or "").strip(),
        "hours": hours_val,
        "project": (node.findtext("project") or "").strip(),
        "comment": (node.findtext("comment") or "").strip(),
    }


def parse_timesheet(payload: bytes) -> List[dict]:
    parser = etree.XMLParser(**PARSER_OPTS)
    root = etree.fromstring(payload, parser)
    if root.getroottree().docinfo.doctype:
        raise TimesheetError("DOCTYPE declarations are not accepted")
    if root.tag != "timesheet":
        raise TimesheetError("root element must be <timesheet>")
    return [_entry_from_node(n) for n in root.iter("entry")]


@app.post("/api/timesheets/import")
def import_timesheet():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="missing file"), 400
    payload = upload.read(MAX_UPLOAD + 1)
    if len(payload) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413
    try:
        entries = parse_timesheet(payload)
    except (etree.XMLSyntaxError, TimesheetError) as exc:
        return jsonify(error=str(exc)), 422
    STAGED.extend(entries)
    log.info("staged %d timesheet entries from %r", len(entries), upload.filename)
    return jsonify(staged=len(entries), preview=entries[:20])
