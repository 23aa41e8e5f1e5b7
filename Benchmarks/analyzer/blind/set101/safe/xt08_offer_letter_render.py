"""HTML preview of offer letters for hiring managers before they are sent."""
import logging
from decimal import Decimal

from flask import Flask, Response, abort, g, request
from markupsafe import Markup, escape

from ats.db import get_offer

app = Flask(__name__)
log = logging.getLogger("offers")

OFFER_TEMPLATE = """<!doctype html>
<html><head><title>Offer - {name}</title>
<link rel="stylesheet" href="/static/offer.css"></head>
<body>
<div class="letterhead">{company}</div>
<p>Dear {name},</p>
<p>We are delighted to offer you the position of <strong>{title}</strong>
in our {department} team, starting {start_date}.</p>
<p>Your annual base salary will be {salary}.</p>
<blockquote class="note">{note}</blockquote>
<p>{signoff}</p>
</body></html>
"""
DEFAULT_SIGNOFF = Markup("Kind regards,<br>The Talent Team")


def format_salary(amount: Decimal, currency: str) -> str:
    return f"{currency} {amount:,.2f}"


def offer_context(offer: dict) -> dict:
    return {
        "name": escape(offer["candidate_name"]),
        "company": escape(offer["company_name"]),
        "title": escape(offer["job_title"]),
        "department": escape(offer["department"]),
        "start_date": offer["start_date"].strftime("%d %B %Y"),
        "salary": escape(format_salary(offer["base_salary"], offer["currency"])),
        "note": escape(offer.get("recruiter_note") or ""),
        "signoff": escape(offer.get("signoff")) if offer.get("signoff") else DEFAULT_SIGNOFF,
    }


def render_offer(offer: dict) -> str:
    return OFFER_TEMPLATE.format(**offer_context(offer))


@app.route("/offers/<int:offer_id>/preview")
def preview(offer_id: int):
    offer = get_offer(offer_id)
    if offer is None or offer["company_id"] != g.user.company_id:
        abort(404)
    page = render_offer(offer)
    log.info("offer %s previewed by user %s", offer_id, g.user.id)
    return Response(page, mimetype="text/html")


@app.route("/offers/<int:offer_id>/preview/banner")
def preview_banner(offer_id: int):
    return Response(f"<div class='banner'>{escape(request.args.get('label', 'Draft'))} &mdash; offer #{offer_id}</div>",
                    mimetype="text/html")
