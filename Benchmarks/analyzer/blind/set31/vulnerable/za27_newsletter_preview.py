"""Preview endpoints for the newsletter composer."""
import logging

import bleach
from flask import Blueprint, Response, abort, request
from flask_login import current_user, login_required

from .models import Campaign

bp = Blueprint("newsletter", __name__, url_prefix="/newsletter")
logger = logging.getLogger(__name__)

BODY_TAGS = {"p", "a", "strong", "em", "ul", "ol", "li", "h2", "h3", "br", "img"}
BODY_ATTRS = {"a": ["href", "title"], "img": ["src", "alt", "width", "height"]}

CARD_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Preview</title>
<link rel="stylesheet" href="/static/newsletter.css"></head>
<body><div class="card"><h1>{headline}</h1><p>Hi {first_name},</p>{body}</div>
<footer><a href="{unsubscribe}">Unsubscribe</a></footer></body></html>"""


def sanitized_body(campaign):
    return bleach.clean(campaign.body_html, tags=BODY_TAGS, attributes=BODY_ATTRS, strip=True)


def render_card(campaign, first_name, headline):
    return CARD_TEMPLATE.format(
        headline=headline,
        first_name=first_name,
        body=sanitized_body(campaign),
        unsubscribe="/newsletter/unsubscribe/preview",
    )


def _owned_campaign(campaign_id):
    campaign = Campaign.query.get_or_404(campaign_id)
    if campaign.owner_id != current_user.id:
        abort(404)
    return campaign


@bp.route("/campaigns/<int:campaign_id>/preview")
@login_required
def preview(campaign_id):
    campaign = _owned_campaign(campaign_id)
    first_name = request.args.get("first_name", "there")
    headline = request.args.get("headline", campaign.subject)
    html = render_card(campaign, first_name, headline)
    logger.info("preview rendered for campaign %r", campaign_id)
    return Response(html, mimetype="text/html")  # VULN flow


@bp.route("/campaigns/<int:campaign_id>/preview.txt")
@login_required
def preview_text(campaign_id):
    campaign = _owned_campaign(campaign_id)
    text = bleach.clean(campaign.body_html, tags=set(), strip=True)
    return Response(f"{campaign.subject}\n\n{text}\n", mimetype="text/plain")
