"""Dispatcher console: live feed of driver-reported incidents."""
import logging
import time
from collections import deque

from flask import Flask, abort, jsonify, render_template_string, request
from markupsafe import Markup

app = Flask(__name__)
log = logging.getLogger("dispatch")

FEED = deque(maxlen=200)
SEVERITY_CLASS = {"low": "sev-low", "medium": "sev-med", "high": "sev-high"}

FEED_TEMPLATE = """
<!doctype html>
<title>Incident feed</title>
<meta http-equiv="refresh" content="15">
<h1>Incidents ({{ items|length }})</h1>
<ul class="feed">
{% for item in items %}
  <li class="{{ item.css }}">{{ item.when }} &mdash; {{ item.summary }}</li>
{% endfor %}
</ul>
"""


class Incident:
    def __init__(self, driver_name, vehicle, category, note, severity):
        self.driver_name = driver_name
        self.vehicle = vehicle
        self.category = category
        self.note = note
        self.severity = severity if severity in SEVERITY_CLASS else "low"
        self.ts = time.time()


def summarise(incident: Incident) -> Markup:
    text = "<strong>%s</strong> (%s) reported <em>%s</em>: %s" % (
        incident.driver_name, incident.vehicle, incident.category, incident.note,
    )
    return Markup(text)  # VULN flow


def feed_items():
    for inc in reversed(FEED):
        yield {
            "css": SEVERITY_CLASS[inc.severity],
            "when": time.strftime("%H:%M", time.localtime(inc.ts)),
            "summary": summarise(inc),
        }


@app.route("/driver-api/incidents", methods=["POST"])
def report_incident():
    body = request.get_json(silent=True) or {}
    if not body.get("note"):
        abort(400)
    inc = Incident(
        driver_name=str(body.get("driver_name", "unknown")),
        vehicle=str(body.get("vehicle", "")),
        category=str(body.get("category", "other")),
        note=str(body["note"])[:1000],
        severity=str(body.get("severity", "low")),
    )
    FEED.append(inc)
    log.info("incident from vehicle %r severity=%s", inc.vehicle, inc.severity)
    return jsonify({"queued": len(FEED)}), 201


@app.route("/dispatch/incidents")
def incident_feed():
    return render_template_string(FEED_TEMPLATE, items=list(feed_items()))
