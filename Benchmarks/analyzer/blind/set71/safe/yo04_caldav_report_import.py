"""Import endpoint for CalDAV multistatus REPORT dumps.

Users migrating from other calendar servers upload the XML body they got
from a calendar-query REPORT; we pull the VEVENT payloads out of it.
"""
import logging

from flask import Blueprint, current_app, jsonify, request
from icalendar import Calendar
from lxml import etree

bp = Blueprint("caldav_import", __name__, url_prefix="/api/calendars")
log = logging.getLogger(__name__)

NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav"}
MAX_UPLOAD = 8 * 1024 * 1024


def _parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def extract_events(payload: bytes):
    root = etree.fromstring(payload, _parser())
    events = []
    for response in root.iterfind("d:response", NS):
        href = response.findtext("d:href", namespaces=NS)
        data = response.findtext("d:propstat/d:prop/c:calendar-data", namespaces=NS)
        if not data:
            continue
        try:
            cal = Calendar.from_ical(data)
        except ValueError:
            log.warning("skipping unparsable calendar-data")
            continue
        for comp in cal.walk("VEVENT"):
            events.append(
                {
                    "href": href,
                    "uid": str(comp.get("UID")),
                    "summary": str(comp.get("SUMMARY", "")),
                    "start": comp.decoded("DTSTART").isoformat(),
                    "end": comp.decoded("DTEND").isoformat() if comp.get("DTEND") else None,
                }
            )
    return events


@bp.route("/<int:calendar_id>/import", methods=["POST"])
def import_report(calendar_id):
    upload = request.files.get("report")
    if upload is None:
        return jsonify(error="missing report file"), 400
    body = upload.read(MAX_UPLOAD + 1)
    if len(body) > MAX_UPLOAD:
        return jsonify(error="report too large"), 413
    try:
        events = extract_events(body)
    except etree.XMLSyntaxError:
        return jsonify(error="invalid XML"), 400
    store = current_app.extensions["event_store"]
    created = store.bulk_upsert(calendar_id, events)
    return jsonify(imported=created, seen=len(events))
