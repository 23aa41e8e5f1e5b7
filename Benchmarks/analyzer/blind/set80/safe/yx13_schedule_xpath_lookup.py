"""SMS departure lookup: passengers text "STOP <code> [route]" to the short number.

The SMS gateway POSTs the inbound message here; we answer with the next
departures taken from the nightly schedule export.
"""
import logging
import os
from datetime import datetime

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("sms_departures")

SCHEDULE_XML = os.environ.get("SCHEDULE_XML", "/srv/schedules/stop_departures.xml")


class ScheduleIndex:
    def __init__(self, path: str):
        self.path = path
        self.tree = etree.parse(path)
        self.loaded_at = datetime.now()

    def departures_for(self, stop_code: str, route: str = None, limit: int = 3):
        expr = "//stop[@code=$code]/departure"
        variables = {"code": stop_code}
        if route:
            expr += "[@route=$route]"
            variables["route"] = route
        nodes = self.tree.xpath(expr, **variables)
        now = datetime.now().strftime("%H:%M")
        upcoming = [n for n in nodes if n.get("time", "") >= now]
        return [(n.get("route"), n.get("time"), n.get("headsign")) for n in upcoming[:limit]]


_index = None


def get_index() -> ScheduleIndex:
    global _index
    if _index is None:
        _index = ScheduleIndex(SCHEDULE_XML)
    return _index


def parse_sms(text: str):
    parts = text.strip().split()
    if len(parts) < 2 or parts[0].upper() != "STOP":
        return None, None
    return parts[1], (parts[2] if len(parts) > 2 else None)


@app.route("/sms/inbound", methods=["POST"])
def inbound_sms():
    body = request.form.get("Body", "")
    stop_code, route = parse_sms(body)
    if not stop_code:
        return jsonify({"reply": "Text STOP followed by the stop code, e.g. STOP 4512"})
    departures = get_index().departures_for(stop_code, route)
    if not departures:
        reply = "No more departures found for that stop today."
    else:
        reply = "; ".join(f"{r} {t} to {h}" for r, t, h in departures)
    log.info("sms lookup returned %d departures", len(departures))
    return jsonify({"reply": reply[:160]})
