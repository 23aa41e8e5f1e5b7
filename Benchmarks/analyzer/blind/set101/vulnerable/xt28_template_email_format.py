"""Candidate email templates. Each customer workspace can write its own
templates (rejection, interview invite, offer follow-up) in the settings UI
using {{ placeholders }}; these are rendered when emails are sent."""
import logging
from dataclasses import dataclass
from typing import Dict

from flask import Flask, abort, g, jsonify, request
from jinja2 import Template, TemplateSyntaxError

from ats.mail import send_email
from ats.models import Candidate, EmailTemplate

app = Flask(__name__)
log = logging.getLogger("mail.templates")


@dataclass
class RenderContext:
    candidate: Candidate
    job_title: str
    company_name: str
    recruiter_name: str
    extra: Dict[str, str]

    def as_dict(self) -> dict:
        ctx = {
            "first_name": self.candidate.first_name,
            "last_name": self.candidate.last_name,
            "job_title": self.job_title,
            "company": self.company_name,
            "recruiter": self.recruiter_name,
        }
        ctx.update(self.extra)
        return ctx


def render_template_body(body: str, context: RenderContext) -> str:
    return Template(body).render(**context.as_dict())  # VULN flow


def sample_context() -> RenderContext:
    sample = Candidate(first_name="Alex", last_name="Rivera", email="alex@example.com")
    return RenderContext(sample, "Senior Data Engineer", g.workspace.name, g.user.full_name, {})


@app.route("/settings/email-templates/preview", methods=["POST"])
def preview_template():
    data = request.get_json(force=True) or {}
    body = data.get("body", "")
    if len(body) > 20_000:
        abort(413)
    try:
        rendered = render_template_body(body, sample_context())
    except TemplateSyntaxError as exc:
        return jsonify(error=f"line {exc.lineno}: {exc.message}"), 422
    return jsonify(subject=data.get("subject", ""), html=rendered)


@app.route("/candidates/<int:candidate_id>/send-template/<int:template_id>", methods=["POST"])
def send_from_template(candidate_id: int, template_id: int):
    tpl = EmailTemplate.get_for_workspace(template_id, g.workspace.id) or abort(404)
    cand = Candidate.get_for_workspace(candidate_id, g.workspace.id) or abort(404)
    ctx = RenderContext(cand, request.json.get("job_title", ""), g.workspace.name,
                        g.user.full_name, request.json.get("extra", {}))
    html = render_template_body(tpl.body, ctx)
    send_email(to=cand.email, subject=tpl.subject, html=html)
    log.info("sent template %s to candidate %s", template_id, candidate_id)
    return jsonify(status="sent")
