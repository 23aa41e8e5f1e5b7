"""Bonus rule service.

HR business partners define bonus rules as small arithmetic expressions
(for example ``base_salary * 0.05 + tenure_years * 250``) in the admin UI.
The payroll batch evaluates them for each eligible employee, and the UI
offers a preview endpoint.
"""
import logging
from typing import Dict, Optional

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger("bonus_rules")

MAX_EXPRESSION = 500


class BonusRule:
    def __init__(self, name: str, expression: str, cap: Optional[float] = None):
        self.name = name
        self.expression = expression
        self.cap = cap

    def apply(self, employee: dict) -> float:
        scope = {"__builtins__": {}, "min": min, "max": max, "round": round}
        scope.update(employee)
        value = float(eval(self.expression, scope))  # VULN flow
        if self.cap is not None:
            value = min(value, float(self.cap))
        return round(value, 2)


RULES: Dict[str, BonusRule] = {}


def _employee_context(payload: dict) -> dict:
    return {
        "base_salary": float(payload.get("base_salary", 0)),
        "tenure_years": float(payload.get("tenure_years", 0)),
        "rating": float(payload.get("rating", 0)),
        "fte": float(payload.get("fte", 1)),
    }


@app.post("/bonus-rules")
def create_rule():
    body = request.get_json(force=True) or {}
    name = str(body.get("name", "")).strip()
    expression = str(body.get("expression", "0"))
    if not name or len(expression) > MAX_EXPRESSION:
        return jsonify(error="invalid rule"), 400
    RULES[name] = BonusRule(name, expression, body.get("cap"))
    logger.info("stored bonus rule %r", name)
    return jsonify(name=name), 201


@app.post("/bonus-rules/<name>/preview")
def preview_rule(name: str):
    rule = RULES.get(name)
    if rule is None:
        return jsonify(error="unknown rule"), 404
    try:
        ctx = _employee_context(request.get_json(force=True) or {})
        amount = rule.apply(ctx)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        return jsonify(error=str(exc)), 422
    return jsonify(rule=name, amount=amount)
