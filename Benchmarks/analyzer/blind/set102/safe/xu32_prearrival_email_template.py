"""Pre-arrival email composer for hotel general managers.

GMs customise the pre-arrival email body in the portal; the preview
endpoint renders it against a sample reservation before they save it.
Placeholders use $name syntax, e.g. $first_name, $arrival, $property_name.
"""
import logging
import os
from datetime import date, timedelta
from string import Template

from flask import Flask, abort, jsonify, render_template_string, request, session

app = Flask(__name__)
app.secret_key = os.environ["GM_PORTAL_SECRET"]
log = logging.getLogger("gm.emails")

LAYOUT = "<div class=\"pre-arrival\">{% for para in paragraphs %}<p>{{ para }}</p>{% endfor %}</div>"
DEFAULT_TEMPLATE = (
    "Dear $first_name,\n"
    "We look forward to welcoming you to $property_name on $arrival.\n"
    "Check-in opens at $checkin_time."
)
PROPERTIES = {
    "HBR01": {"name": "Harbour View Hotel", "checkin_time": "15:00"},
    "HBR02": {"name": "Harbour Old Town", "checkin_time": "14:00"},
}


def sample_context(property_code: str) -> dict:
    arrival = date.today() + timedelta(days=3)
    prop = PROPERTIES[property_code]
    return {
        "first_name": "Alex", "last_name": "Sample", "loyalty_tier": "Gold",
        "arrival": arrival.isoformat(), "nights": 2, "room_type": "Deluxe King",
        "property_name": prop["name"], "checkin_time": prop["checkin_time"],
    }


def compose(template_src: str, context: dict) -> str:
    text = Template(template_src).safe_substitute(context)
    paragraphs = [line for line in text.splitlines() if line.strip()]
    return render_template_string(LAYOUT, paragraphs=paragraphs)


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
