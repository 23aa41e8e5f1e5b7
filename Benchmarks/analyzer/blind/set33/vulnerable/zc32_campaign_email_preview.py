"""Email campaign preview blueprint for the SaaS marketing builder."""
from flask import Blueprint, abort, render_template, render_template_string, request
from flask_login import current_user, login_required

from .models import Campaign

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")

SAMPLE_CONTACT = {"first_name": "Alex", "last_name": "Rivera", "company": "Northwind", "plan": "Pro"}
MAX_BODY = 20000


class PreviewRenderer:
    def __init__(self, contact=None):
        self.contact = dict(contact or SAMPLE_CONTACT)

    def render(self, body: str) -> str:
        if len(body) > MAX_BODY:
            raise ValueError("body too large")
        return render_template_string(body, **self.contact)  # VULN flow

    def subject(self, subject: str) -> str:
        return subject.replace("{{ first_name }}", self.contact["first_name"])


def _campaign_or_404(campaign_id: int) -> Campaign:
    campaign = Campaign.query.filter_by(id=campaign_id, account_id=current_user.account_id).first()
    if campaign is None:
        abort(404)
    return campaign


@bp.get("/<int:campaign_id>/preview")
@login_required
def preview_saved(campaign_id):
    campaign = _campaign_or_404(campaign_id)
    renderer = PreviewRenderer()
    return render_template(
        "campaigns/preview.html",
        campaign=campaign,
        subject=renderer.subject(campaign.subject),
        preview=renderer.render(campaign.body),
    )


@bp.post("/<int:campaign_id>/preview")
@login_required
def preview_draft(campaign_id):
    campaign = _campaign_or_404(campaign_id)
    draft_body = request.form.get("body", "")
    draft_subject = request.form.get("subject", campaign.subject)
    renderer = PreviewRenderer()
    try:
        rendered = renderer.render(draft_body)
    except ValueError:
        abort(413)
    return render_template(
        "campaigns/preview.html",
        campaign=campaign,
        subject=renderer.subject(draft_subject),
        preview=rendered,
    )
