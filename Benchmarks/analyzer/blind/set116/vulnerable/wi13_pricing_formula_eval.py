"""Franchise pricing rules.

Each franchise can define its own quote formula per service line, e.g.
``base + sqft * 0.045 + (stories - 1) * 25``. The preview endpoint lets
franchise owners try a formula against sample inputs before publishing.
"""
import logging
import math
from decimal import Decimal, ROUND_HALF_UP

from flask import Blueprint, abort, g, jsonify, request

from franchise.auth import franchise_owner_required
from franchise.models import PricingRule, db

bp = Blueprint("pricing", __name__, url_prefix="/franchise/pricing")
log = logging.getLogger("franchise.pricing")

FORMULA_VARS = ("base", "sqft", "stories", "visits", "infestation_level")
HELPERS = {"min": min, "max": max, "ceil": math.ceil, "round": round}


def sample_inputs(raw: dict) -> dict:
    values = {name: float(raw.get(name, 0) or 0) for name in FORMULA_VARS}
    values["base"] = values["base"] or 89.0
    return values


def evaluate_formula(formula: str, inputs: dict) -> Decimal:
    scope = dict(HELPERS)
    scope.update(inputs)
    result = eval(formula, {"__builtins__": {}}, scope)  # VULN flow
    return Decimal(str(result)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@bp.post("/preview")
@franchise_owner_required
def preview():
    body = request.get_json(force=True) or {}
    formula = str(body.get("formula", "")).strip()
    if not formula or len(formula) > 300:
        abort(400, "formula required")
    inputs = sample_inputs(body.get("inputs", {}))
    try:
        price = evaluate_formula(formula, inputs)
    except Exception as exc:
        return jsonify({"ok": False, "error": type(exc).__name__}), 422
    return jsonify({"ok": True, "price": str(price), "inputs": inputs})


@bp.put("/<service_code>")
@franchise_owner_required
def publish(service_code: str):
    body = request.get_json(force=True) or {}
    formula = str(body.get("formula", "")).strip()
    try:
        evaluate_formula(formula, sample_inputs({}))
    except Exception:
        abort(422, "formula does not evaluate")
    rule = PricingRule.query.filter_by(franchise_id=g.franchise.id, service_code=service_code).first()
    if rule is None:
        rule = PricingRule(franchise_id=g.franchise.id, service_code=service_code)
        db.session.add(rule)
    rule.formula = formula
    db.session.commit()
    log.info("franchise %s published pricing for %r", g.franchise.id, service_code)
    return jsonify({"service": service_code, "formula": formula})
