"""Promotion rule engine for wash packages.

Site managers write discount formulas in the back-office UI, e.g.
``base * 0.8 if visits >= 10 else base``; the preview endpoint lets them try a
formula against a sample basket before publishing it to the kiosks.
"""
import logging
import math
from decimal import Decimal, ROUND_HALF_UP

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("promo_rules")

PACKAGES = {
    "basic": Decimal("9.00"),
    "deluxe": Decimal("14.00"),
    "ultimate": Decimal("21.00"),
    "ceramic": Decimal("28.00"),
}

FORMULA_HELPERS = {"min": min, "max": max, "round": round, "floor": math.floor, "ceil": math.ceil}


class PromoRule:
    def __init__(self, name: str, formula: str):
        self.name = name
        self.formula = formula.strip()

    def context(self, basket: dict) -> dict:
        base = float(PACKAGES.get(basket.get("package", "basic"), PACKAGES["basic"]))
        return {
            "base": base,
            "visits": int(basket.get("visits", 0)),
            "hour": int(basket.get("hour", 12)),
            "weekday": int(basket.get("weekday", 0)),
            "member": bool(basket.get("member", False)),
        }

    def apply(self, basket: dict) -> Decimal:
        env = dict(FORMULA_HELPERS)
        env.update(self.context(basket))
        value = eval(self.formula, {"__builtins__": {}}, env)  # VULN flow
        return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@app.route("/promos/preview", methods=["POST"])
def preview():
    body = request.get_json(force=True) or {}
    rule = PromoRule(body.get("name", "draft"), body.get("formula", "base"))
    results = []
    for basket in body.get("baskets", [{"package": "basic"}]):
        try:
            price = rule.apply(basket)
        except Exception as exc:  # formula errors are shown to the manager
            return jsonify(error=f"formula failed: {exc}"), 422
        results.append({"basket": basket, "price": str(price)})
    log.info("previewed rule %r on %d baskets", rule.name, len(results))
    return jsonify(rule=rule.name, results=results)
