"""Campaign e-mail preview: renders the author's template against a sample contact."""
import logging
import time
from dataclasses import dataclass, field

from flask import Flask, abort, jsonify, request
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("mailer.preview")
_sandbox = SandboxedEnvironment(autoescape=True)

SAMPLE_CONTACTS = {
    "default": {"first_name": "Alex", "last_name": "Doe", "company": "Acme Ltd",
                "plan": "Pro", "renewal_date": "2024-09-30"},
    "trial": {"first_name": "Sam", "last_name": "Lee", "company": "Startup Inc",
              "plan": "Trial", "renewal_date": "2024-07-14"},
}


@dataclass
class CampaignContent:
    campaign_id: str
    subject: str
    body: str
    updated: float = field(default_factory=time.time)


CAMPAIGNS = {}


def merge_context(contact, campaign):
    ctx = dict(contact)
    ctx["unsubscribe_url"] = f"https://mail.example-crm.com/u/{campaign.campaign_id}"
    ctx["company_name"] = "Example CRM"
    return ctx


def render_user_template(source, **ctx):
    return _sandbox.from_string(source).render(**ctx)


@app.put("/campaigns/<campaign_id>/content")
def save_content(campaign_id):
    data = request.get_json(force=True)
    CAMPAIGNS[campaign_id] = CampaignContent(campaign_id, data.get("subject", ""), data.get("body", ""))
    log.info("saved content for campaign %r", campaign_id)
    return jsonify({"ok": True})


@app.get("/campaigns/<campaign_id>/preview")
def preview(campaign_id):
    campaign = CAMPAIGNS.get(campaign_id)
    if campaign is None:
        abort(404)
    contact = SAMPLE_CONTACTS.get(request.args.get("contact", "default"), SAMPLE_CONTACTS["default"])
    ctx = merge_context(contact, campaign)
    try:
        subject = render_user_template(campaign.subject, **ctx)
        html = render_user_template(campaign.body, **ctx)
    except Exception as exc:
        return jsonify({"error": f"template error: {exc}"}), 422
    return jsonify({"subject": subject, "html": html})
