"""Agents can design their own "new listing" e-mail campaigns.

The template body is stored per agency and rendered for each listing when a
campaign goes out.
"""
import logging
from typing import Dict

from flask import Flask, jsonify, request
from jinja2 import TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("campaigns")

env = SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["gbp"] = lambda v: f"£{int(v):,}"

TEMPLATES: Dict[str, str] = {
    "default": "<h1>{{ listing.title }}</h1><p>Now available for {{ listing.price|gbp }}</p>",
}

SAMPLE_LISTING = {
    "title": "Three-bed terrace with garden",
    "price": 415000,
    "city": "Bristol",
    "agent": {"name": "Priya Shah", "phone": "0117 496 0000"},
}


class CampaignRenderer:
    def __init__(self, agency_id: str):
        self.agency_id = agency_id
        self.source = TEMPLATES.get(agency_id, TEMPLATES["default"])

    def render(self, listing: dict) -> str:
        template = env.from_string(self.source)
        return template.render(listing=listing, agency=self.agency_id)


@app.route("/agencies/<agency_id>/template", methods=["PUT"])
def save_template(agency_id):
    body = (request.get_json(silent=True) or {}).get("body", "")
    if not body or len(body) > 20000:
        return jsonify(error="template body required (max 20k chars)"), 400
    TEMPLATES[agency_id] = body
    log.info("agency %r updated campaign template (%d chars)", agency_id, len(body))
    return jsonify(ok=True)


@app.route("/agencies/<agency_id>/template/preview", methods=["POST"])
def preview(agency_id):
    listing = (request.get_json(silent=True) or {}).get("listing") or SAMPLE_LISTING
    try:
        html = CampaignRenderer(agency_id).render(listing)
    except TemplateSyntaxError as exc:
        return jsonify(error=f"template error on line {exc.lineno}: {exc.message}"), 422
    except SecurityError:
        return jsonify(error="template uses a forbidden construct"), 422
    return jsonify(html=html)
