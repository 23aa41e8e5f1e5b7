"""Newsletter campaign preview for the publishing CMS."""
import logging
import os
from string import Template

from flask import Blueprint, abort, render_template_string, request
from flask_login import current_user, login_required

from .models import Campaign, Subscriber

logger = logging.getLogger("cms.newsletter")
bp = Blueprint("newsletter", __name__, url_prefix="/newsletter")

PREVIEW_SHELL = """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ subject }}</title></head>
<body style="font-family: Georgia, serif; max-width: 640px; margin: auto">
{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>
{% endfor %}<hr><small>You are receiving this because you subscribed to {{ list_name }}.</small>
</body></html>"""

SAMPLE_SUBSCRIBER = {"first_name": "Alex", "last_name": "Reader", "city": "Lisbon"}


def merge_fields(subscriber):
    if subscriber is None:
        return dict(SAMPLE_SUBSCRIBER)
    return {
        "first_name": subscriber.first_name,
        "last_name": subscriber.last_name,
        "city": subscriber.city or "",
    }


class CampaignRenderer:
    def __init__(self, campaign):
        self.campaign = campaign

    def body_text(self, source, fields):
        return Template(source).safe_substitute(fields)

    def preview(self, source, fields):
        text = self.body_text(source, fields)
        return render_template_string(
            PREVIEW_SHELL,
            subject=self.campaign.subject,
            list_name=self.campaign.mailing_list.name,
            paragraphs=[p.strip() for p in text.split("\n\n") if p.strip()],
        )


@bp.post("/campaigns/<int:campaign_id>/preview")
@login_required
def preview_campaign(campaign_id):
    campaign = Campaign.query.get_or_404(campaign_id)
    if campaign.publication_id not in current_user.publication_ids:
        abort(403)
    source = request.form.get("body", campaign.body_template or "")
    if len(source) > int(os.environ.get("NEWSLETTER_MAX_BODY", "100000")):
        abort(413)
    subscriber = None
    if request.form.get("subscriber_id", "").isdigit():
        subscriber = Subscriber.query.filter_by(
            id=int(request.form["subscriber_id"]), mailing_list_id=campaign.mailing_list_id
        ).first()
    logger.info("preview campaign=%d by user=%d", campaign.id, current_user.id)
    return CampaignRenderer(campaign).preview(source, merge_fields(subscriber))
