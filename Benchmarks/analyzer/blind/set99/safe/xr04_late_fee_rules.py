"""Late-fee rules configured per property by managers (multi-landlord portal)."""
import ast
import logging
import operator
from datetime import date

from flask import Blueprint, abort, g, jsonify, request

from portal.db import db
from portal.models import LateFeeRule, LedgerBalance, LedgerEntry

bp = Blueprint("late_fees", __name__, url_prefix="/api/late-fees")
log = logging.getLogger(__name__)

DEFAULT_FORMULA = "min(balance * 0.05, 75)"
HELPERS = {"min": min, "max": max, "round": round, "abs": abs}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv}


def _context_for(balance: LedgerBalance, today: date) -> dict:
    ctx = dict(HELPERS)
    ctx.update(
        balance=float(balance.amount_due),
        days_late=max((today - balance.due_date).days, 0),
        monthly_rent=float(balance.monthly_rent),
    )
    return ctx


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ctx and node.id not in HELPERS:
        return ctx[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, ctx)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in HELPERS and not node.keywords):
        return HELPERS[node.func.id](*[_eval_node(a, ctx) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def compute_fee(formula: str, ctx: dict) -> float:
    value = _eval_node(ast.parse(formula, mode="eval"), ctx)
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
