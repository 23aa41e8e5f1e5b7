"""Campaign editor: live preview of marketing email templates."""
import logging
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("campaigns.preview")

MAX_TEMPLATE = 20000
sandbox = SandboxedEnvironment(autoescape=True)
SAMPLE_CONTEXT = {
    "first_name": "Ada",
    "plan": "Pro",
    "renewal_date": "2024-07-01",
    "unsubscribe_url": "https://mail.example.com/u/sample",
}


@dataclass
class TemplateDraft:
    campaign_id: int
    subject: str
    body: str

    @classmethod
    def from_request(cls, req, campaign_id):
        payload = req.get_json(silent=True) or {}
        subject = str(payload.get("subject", ""))[:200]
        body = str(payload.get("body", ""))
        if len(body) > MAX_TEMPLATE:
            raise ValueError("template too long")
        return cls(campaign_id=campaign_id, subject=subject, body=body)


def preview_context(overrides):
    context = dict(SAMPLE_CONTEXT)
    for key, value in (overrides or {}).items():
        if key in SAMPLE_CONTEXT:
            context[key] = str(value)[:200]
    return context


@app.route("/campaigns/<int:campaign_id>/preview", methods=["POST"])
def preview(campaign_id):
    try:
        draft = TemplateDraft.from_request(request, campaign_id)
    except ValueError:
        abort(413)
    if not draft.body:
        abort(400)
    context = preview_context((request.get_json(silent=True) or {}).get("sample"))
    try:
        subject = sandbox.from_string(draft.subject).render(**context)
        html = sandbox.from_string(draft.body).render(**context)
    except TemplateError as exc:
        return jsonify({"error": f"template error: {exc}"}), 422
    log.info("rendered preview for campaign %d (%d bytes)", campaign_id, len(html))
    return jsonify({"subject": subject, "html": html})
