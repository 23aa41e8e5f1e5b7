"""Shelf-edge label rendering.

Each store can customise the HTML template used for printed shelf labels
from the store-manager portal; the label printer fetches rendered labels
from this service.
"""
import logging
from typing import Dict

from flask import Flask, abort, jsonify, request
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("labels")

MAX_TEMPLATE_LEN = 4000
DEFAULT_TEMPLATE = (
    "<div class='label'><div class='name'>{{ name }}</div>"
    "<div class='price'>{{ price }}</div><div class='unit'>{{ unit_price }}</div>"
    "<div class='sku'>{{ sku }}</div></div>"
)

PRODUCTS = {
    "000123": {"name": "Whole Bean Coffee 1kg", "price": 18.99, "unit": "kg", "size": 1.0},
    "000456": {"name": "Oat Milk 1L", "price": 2.49, "unit": "L", "size": 1.0},
}

_env = SandboxedEnvironment(autoescape=True)


class LabelTemplateStore:
    def __init__(self) -> None:
        self._templates: Dict[int, str] = {}

    def get(self, store_id: int) -> str:
        return self._templates.get(store_id, DEFAULT_TEMPLATE)

    def set(self, store_id: int, source: str) -> None:
        self._templates[store_id] = source


templates = LabelTemplateStore()


def render_label(template_src: str, sku: str, product: dict) -> str:
    tmpl = _env.from_string(template_src)
    return tmpl.render(
        name=product["name"],
        price=f"${product['price']:.2f}",
        unit_price=f"${product['price'] / product['size']:.2f}/{product['unit']}",
        sku=sku,
    )


@app.route("/stores/<int:store_id>/label-template", methods=["PUT"])
def save_template(store_id: int):
    source = request.get_data(as_text=True)
    if not source or len(source) > MAX_TEMPLATE_LEN:
        return jsonify(error="template empty or too long"), 400
    try:
        _env.parse(source)
    except TemplateSyntaxError as exc:
        return jsonify(error=f"syntax error on line {exc.lineno}"), 422
    templates.set(store_id, source)
    log.info("label template updated for store %d", store_id)
    return jsonify(saved=True)


@app.route("/stores/<int:store_id>/labels/<sku>")
def label(store_id: int, sku: str):
    product = PRODUCTS.get(sku)
    if product is None:
        abort(404)
    return render_label(templates.get(store_id), sku, product)
