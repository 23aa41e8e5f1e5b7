"""Shareable listing cards for social previews and the agent search page."""
from flask import Flask, Response, abort, request
from markupsafe import escape

app = Flask(__name__)

LISTINGS = {
    101: {"title": "Sunny 2-bed flat near the harbour", "price": 325000, "city": "Brighton", "beds": 2},
    102: {"title": "Detached farmhouse with paddock", "price": 780000, "city": "Lewes", "beds": 5},
    103: {"title": "Studio above the old market", "price": 189500, "city": "Hastings", "beds": 1},
}

CARD_TEMPLATE = """<!doctype html>
<html><head><meta property="og:title" content="{headline}">
<title>{headline}</title></head>
<body><article class="card">
<h1>{headline}</h1>
<p class="meta">{beds} bed &middot; {city}</p>
<p class="price">&pound;{price:,}</p>
<a href="/listings/{listing_id}">View listing</a>
</article></body></html>"""


def load_listing(listing_id):
    listing = LISTINGS.get(listing_id)
    if listing is None:
        abort(404)
    return listing


def render_card(listing_id, listing, headline):
    return CARD_TEMPLATE.format(
        headline=escape(headline),
        beds=listing["beds"],
        city=escape(listing["city"]),
        price=listing["price"],
        listing_id=listing_id,
    )


@app.route("/listings/<int:listing_id>/card")
def listing_card(listing_id):
    listing = load_listing(listing_id)
    headline = request.args.get("headline") or listing["title"]
    html = render_card(listing_id, listing, headline)
    return Response(html, mimetype="text/html")


@app.route("/search")
def search():
    term = request.args.get("q", "").strip()
    hits = [
        (lid, l) for lid, l in LISTINGS.items()
        if term.lower() in l["title"].lower() or term.lower() == l["city"].lower()
    ]
    if not hits:
        return f"<h2>No listings found for &ldquo;{escape(term)}&rdquo;</h2>"
    rows = "".join(
        f'<li><a href="/listings/{lid}/card">{escape(l["title"])}</a> &pound;{l["price"]:,}</li>' for lid, l in hits
    )
    return f"<ul class='results'>{rows}</ul>"
