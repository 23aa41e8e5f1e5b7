"""Sellers on the classifieds board can customise how their ad body is laid out.

The ad editor lets them write text with placeholders such as
``{{ price }}``, ``{{ location }}`` or ``{{ seller.first_name }}``.
"""
import logging
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request
from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("ads")
ad_env = ImmutableSandboxedEnvironment(autoescape=True)


@dataclass
class Seller:
    id: int
    first_name: str
    rating: float


@dataclass
class Ad:
    id: int
    seller: Seller
    title: str
    price: str
    location: str
    body_template: str


ADS: dict[int, Ad] = {}
DEFAULT_TEMPLATE = "{{ title }} - {{ price }} in {{ location }}. Message {{ seller.first_name }} for details."


def ad_context(ad: Ad) -> dict:
    return {
        "title": ad.title,
        "price": ad.price,
        "location": ad.location,
        "seller": {"first_name": ad.seller.first_name, "rating": ad.seller.rating},
    }


def render_body(ad: Ad) -> str:
    source = ad.body_template or DEFAULT_TEMPLATE
    return ad_env.from_string(source).render(**ad_context(ad))


@app.route("/ads/<int:ad_id>/template", methods=["PUT"])
def save_template(ad_id: int):
    ad = ADS.get(ad_id)
    if ad is None:
        abort(404)
    if request.headers.get("X-Seller-Id") != str(ad.seller.id):
        abort(403)
    template = (request.get_json(silent=True) or {}).get("template", "")
    if len(template) > 4000:
        return jsonify({"error": "template too long"}), 400
    ad.body_template = template
    try:
        preview = render_body(ad)
    except TemplateError:
        return jsonify({"error": "template could not be rendered"}), 400
    return jsonify({"ok": True, "preview": preview})


@app.route("/ads/<int:ad_id>")
def show_ad(ad_id: int):
    ad = ADS.get(ad_id)
    if ad is None:
        abort(404)
    return jsonify({"id": ad.id, "title": ad.title, "body": render_body(ad)})


ADS[1] = Ad(1, Seller(7, "Priya", 4.8), "Carpet cleaning machine", "£120", "Leeds", "")
