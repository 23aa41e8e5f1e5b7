"""Public listing search blueprint for the agency website."""
import logging
import re

from flask import Blueprint, current_app, request
from markupsafe import escape

from .models import Listing, db

bp = Blueprint("listings", __name__, url_prefix="/listings")
log = logging.getLogger("agency.listings")

PAGE_SIZE = 20


def _render_card(listing):
    return (
        '<li class="card"><a href="/listings/{id}">{title}</a>'
        "<span>{beds} bd &middot; &pound;{price:,}</span></li>"
    ).format(id=listing.id, title=escape(listing.title), beds=listing.bedrooms, price=listing.price)


def _results_page(query, listings):
    heading = "<h2>Homes matching &ldquo;" + query + "&rdquo;</h2>"
    if not listings:
        body = "<p>No homes found. Try a nearby postcode.</p>"
    else:
        body = "<ul>" + "".join(_render_card(l) for l in listings) + "</ul>"
    return "<section id='results'>" + heading + body + "</section>"


def _valid_postcode(postcode):
    return re.match(r"^([A-Za-z0-9]+\s?)*$", postcode) is not None  # VULN flow


@bp.route("/search")
def search():
    query = request.args.get("q", "").strip()
    postcode = request.args.get("postcode", "").strip()
    page = request.args.get("page", 1, type=int)
    listings_q = Listing.query.filter(Listing.published.is_(True))
    if query:
        listings_q = listings_q.filter(Listing.title.ilike("%" + query + "%"))
    if postcode:
        if not _valid_postcode(postcode):
            return {"error": "invalid postcode"}, 400
        listings_q = listings_q.filter(Listing.postcode.startswith(postcode.upper()))
    listings = listings_q.order_by(Listing.listed_at.desc()).paginate(
        page=page, per_page=PAGE_SIZE, error_out=False
    ).items
    log.info("listing search q=%r postcode=%r hits=%d", query, postcode, len(listings))
    html = _results_page(query, listings)
    return html  # VULN flow


@bp.route("/<int:listing_id>/favourite", methods=["POST"])
def favourite(listing_id):
    listing = db.session.get(Listing, listing_id)
    if listing is None:
        return {"error": "not found"}, 404
    listing.favourite_count += 1
    db.session.commit()
    current_app.logger.debug("favourite listing=%s", listing_id)
    return {"favourites": listing.favourite_count}
