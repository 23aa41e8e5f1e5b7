"""Pre-arrival email composer for hotel general managers.

GMs customise the pre-arrival email body in the portal; the preview
endpoint renders it against a sample reservation before they save it.
"""
import logging
import os
from datetime import date, timedelta

from flask import Flask, abort, jsonify, render_template_string, request, session

app = Flask(__name__)
app.secret_key = os.environ["GM_PORTAL_SECRET"]
log = logging.getLogger("gm.emails")

DEFAULT_TEMPLATE = (
    "<p>Dear {{ guest.first_name }},</p>"
    "<p>We look forward to welcoming you to {{ property.name }} on {{ stay.arrival }}.</p>"
    "<p>Check-in opens at {{ property.checkin_time }}.</p>"
)
PROPERTIES = {
    "HBR01": {"name": "Harbour View Hotel", "checkin_time": "15:00"},
    "HBR02": {"name": "Harbour Old Town", "checkin_time": "14:00"},
}


def sample_context(property_code: str) -> dict:
    arrival = date.today() + timedelta(days=3)
    return {
        "guest": {"first_name": "Alex", "last_name": "Sample", "loyalty_tier": "Gold"},
        "stay": {"arrival": arrival.isoformat(), "nights": 2, "room_type": "Deluxe King"},
        "property": PROPERTIES[property_code],
    }


def compose(template_src: str, context: dict) -> str:
    return render_template_string(template_src, **context)  # VULN flow


@app.route("/properties/<code>/email-templates/pre-arrival/preview", methods=["POST"])
def preview(code):
    if code not in PROPERTIES or code not in session.get("properties", []):
        abort(403)
    data = request.get_json(silent=True) or {}
    template_src = data.get("body") or DEFAULT_TEMPLATE
    if len(template_src) > 20000:
        abort(413)
    html = compose(template_src, sample_context(code))
    log.info("preview rendered for %s (%d chars)", code, len(html))
    return jsonify({"html": html})
