"""Late-fee rules configured per property by managers (multi-landlord portal)."""
import logging
from datetime import date

from flask import Blueprint, abort, g, jsonify, request

from portal.db import db
from portal.models import LateFeeRule, LedgerBalance, LedgerEntry

bp = Blueprint("late_fees", __name__, url_prefix="/api/late-fees")
log = logging.getLogger(__name__)

DEFAULT_FORMULA = "min(balance * 0.05, 75)"
HELPERS = {"min": min, "max": max, "round": round, "abs": abs}


def _context_for(balance: LedgerBalance, today: date) -> dict:
    ctx = dict(HELPERS)
    ctx.update(
        balance=float(balance.amount_due),
        days_late=max((today - balance.due_date).days, 0),
        monthly_rent=float(balance.monthly_rent),
    )
    return ctx


def compute_fee(formula: str, ctx: dict) -> float:
    value = eval(formula, {"__builtins__": {}}, ctx)  # VULN flow
    return round(float(value), 2)


@bp.post("/<int:property_id>/rule")
def save_rule(property_id):
    if not g.user.manages(property_id):
        abort(403)
    formula = (request.get_json(silent=True) or {}).get("formula", DEFAULT_FORMULA)
    sample = dict(HELPERS, balance=1000.0, days_late=5, monthly_rent=1000.0)
    try:
        compute_fee(formula, sample)
    except Exception as exc:  # formula typo, division by zero, etc.
        return jsonify(error=f"invalid formula: {exc}"), 400

    rule = LateFeeRule.query.get(property_id) or LateFeeRule(property_id=property_id)
    rule.formula = formula
    db.session.add(rule)
    db.session.commit()
    log.info("late fee rule updated for property %s by user %s", property_id, g.user.id)
    return jsonify(ok=True)


@bp.post("/<int:property_id>/assess")
def assess(property_id):
    if not g.user.manages(property_id):
        abort(403)
    rule = LateFeeRule.query.get(property_id)
    formula = rule.formula if rule else DEFAULT_FORMULA
    today = date.today()
    assessed = []
    for bal in LedgerBalance.overdue_for_property(property_id, today):
        fee = compute_fee(formula, _context_for(bal, today))
        if fee <= 0:
            continue
        db.session.add(
            LedgerEntry(unit_id=bal.unit_id, tenant_id=bal.tenant_id,
                        amount_cents=int(fee * 100), memo="Late fee")
        )
        assessed.append({"unit": bal.unit_number, "fee": fee})
    db.session.commit()
    return jsonify(assessed=assessed)
