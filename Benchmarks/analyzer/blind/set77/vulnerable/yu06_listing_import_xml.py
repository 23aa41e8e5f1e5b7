"""Bulk import of classified ads from partner XML feeds."""
import logging
from decimal import Decimal, InvalidOperation

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("feeds")

MAX_FEED_BYTES = 5 * 1024 * 1024
FEED_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


class FeedError(ValueError):
    pass


def _price(text):
    try:
        return str(Decimal(text or "0").quantize(Decimal("0.01")))
    except InvalidOperation:
        raise FeedError(f"bad price {text!r}")


def parse_feed(data: bytes):
    root = etree.fromstring(data, FEED_PARSER)  # VULN flow
    if root.tag != "listings":
        raise FeedError("root element must be <listings>")
    ads = []
    for node in root.iter("ad"):
        ads.append(
            {
                "external_id": node.get("id"),
                "title": (node.findtext("title") or "").strip(),
                "category": node.findtext("category") or "misc",
                "price": _price(node.findtext("price")),
                "location": node.findtext("location") or "",
                "description": node.findtext("description") or "",
            }
        )
    return ads


@app.route("/partners/<partner>/feed", methods=["POST"])
def import_feed(partner):
    blob = request.get_data(cache=False)
    if len(blob) > MAX_FEED_BYTES:
        return jsonify({"error": "feed too large"}), 413
    try:
        ads = parse_feed(blob)
    except (FeedError, etree.XMLSyntaxError) as exc:
        log.warning("rejected feed from partner %r: %s", partner, exc)
        return jsonify({"error": str(exc)}), 400
    # persistence happens asynchronously; echo back what we accepted
    return jsonify({"partner": partner, "accepted": len(ads), "preview": ads[:3]})
