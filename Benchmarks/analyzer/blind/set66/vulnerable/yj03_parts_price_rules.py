"""Dynamic pricing rules for the parts counter.

Franchise managers define markup rules such as ``cost * 1.35 + core_charge``
in the back-office UI; rules are stored per brand and applied whenever a
counter quote is generated.
"""
import logging
import sqlite3
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("parts.pricing")
DB = "/srv/parts/pricing.db"
DEFAULT_EXPRESSION = "cost * 1.4"


@dataclass
class PriceRule:
    brand: str
    expression: str
    min_margin: float = 0.1

    def apply(self, cost: float, core_charge: float = 0.0, qty: int = 1) -> float:
        ctx = {
            "cost": cost,
            "core_charge": core_charge,
            "qty": qty,
            "round": round,
            "max": max,
            "min": min,
        }
        value = eval(self.expression, {"__builtins__": {}}, ctx)  # VULN flow
        floor = cost * (1 + self.min_margin)
        return max(float(value), floor)


def load_rule(brand: str) -> PriceRule:
    with sqlite3.connect(DB) as conn:
        row = conn.execute(
            "SELECT brand, expression, min_margin FROM price_rules WHERE brand = ?",
            (brand,),
        ).fetchone()
    if row is None:
        return PriceRule(brand, DEFAULT_EXPRESSION)
    return PriceRule(*row)


def save_rule(rule: PriceRule) -> None:
    with sqlite3.connect(DB) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO price_rules (brand, expression, min_margin) VALUES (?, ?, ?)",
            (rule.brand, rule.expression, rule.min_margin),
        )


def money(x: float) -> str:
    return str(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@app.post("/pricing/rules/<brand>")
def update_rule(brand):
    payload = request.get_json(force=True) or {}
    expression = str(payload.get("expression", "")).strip()
    if not expression:
        abort(400)
    rule = PriceRule(brand=brand, expression=expression,
                     min_margin=float(payload.get("min_margin", 0.1)))
    # make sure the rule at least evaluates before saving it
    try:
        rule.apply(100.0)
    except Exception as exc:
        return jsonify({"error": f"rule does not evaluate: {exc}"}), 400
    save_rule(rule)
    log.info("pricing rule updated for brand %r", brand)
    return jsonify({"brand": brand, "expression": rule.expression})


@app.get("/pricing/quote")
def quote():
    brand = request.args.get("brand", "")
    cost = request.args.get("cost", type=float)
    if cost is None or cost < 0:
        abort(400)
    rule = load_rule(brand)
    price = rule.apply(
        cost,
        request.args.get("core", 0.0, type=float),
        request.args.get("qty", 1, type=int),
    )
    return jsonify({"brand": brand, "unit_price": money(price)})
