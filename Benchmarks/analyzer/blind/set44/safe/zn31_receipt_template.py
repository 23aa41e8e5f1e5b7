"""Merchant-customisable receipt emails.

Merchants edit their receipt template in the dashboard (Jinja syntax, e.g.
``Thanks {{ customer.first_name }}! Order {{ order.number }}``). We render a
preview in the dashboard and the real email at checkout.
"""
import datetime as dt
import logging
from decimal import Decimal

from flask import Blueprint, abort, g, jsonify, request
from jinja2.sandbox import SandboxedEnvironment

from merchants.auth import merchant_required
from merchants.store import TemplateStore

bp = Blueprint("receipts", __name__, url_prefix="/dashboard/receipts")
log = logging.getLogger("merchants.receipts")
templates = TemplateStore()
sandbox = SandboxedEnvironment(autoescape=True)

MAX_TEMPLATE_CHARS = 20_000

SAMPLE_ORDER = {
    "number": "100234",
    "placed_at": dt.datetime(2024, 3, 1, 14, 5),
    "lines": [{"name": "Ceramic mug", "qty": 2, "price": Decimal("12.50")},
              {"name": "Gift wrap", "qty": 1, "price": Decimal("3.00")}],
    "total": Decimal("28.00"),
    "currency": "EUR",
}
SAMPLE_CUSTOMER = {"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"}


def render_receipt(source: str, order: dict, customer: dict, merchant) -> str:
    context = {"order": order, "customer": customer, "shop": {"name": merchant.display_name,
                                                              "support_email": merchant.support_email}}
    return sandbox.from_string(source).render(**context)


@bp.post("/preview")
@merchant_required
def preview():
    payload = request.get_json(silent=True) or {}
    source = str(payload.get("template", ""))
    if not source or len(source) > MAX_TEMPLATE_CHARS:
        abort(400, "template missing or too long")
    try:
        html = render_receipt(source, SAMPLE_ORDER, SAMPLE_CUSTOMER, g.merchant)
    except Exception as exc:
        return jsonify({"ok": False, "error": str(exc)[:300]}), 422
    return jsonify({"ok": True, "html": html})


@bp.put("/template")
@merchant_required
def save_template():
    payload = request.get_json(silent=True) or {}
    source = str(payload.get("template", ""))
    if len(source) > MAX_TEMPLATE_CHARS:
        abort(400, "template too long")
    templates.save(g.merchant.id, source)
    log.info("merchant %s updated receipt template (%d chars)", g.merchant.id, len(source))
    return jsonify({"saved": True})


def receipt_for_checkout(merchant, order: dict, customer: dict) -> str:
    """Called by the checkout service when an order is paid."""
    source = templates.load(merchant.id) or templates.default()
    return render_receipt(source, order, customer, merchant)
