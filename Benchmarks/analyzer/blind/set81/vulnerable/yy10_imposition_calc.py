"""Imposition calculator used by the estimating desk.

Product templates store sheet-count formulas such as
``ceil(pages / signature) * copies / up``; estimators may override the
formula per quote from the web form.
"""
import logging
import math

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("estimating.imposition")

FORMULA_FUNCS = {"ceil": math.ceil, "floor": math.floor, "max": max, "min": min, "round": round}

DEFAULT_FORMULAS = {
    "booklet": "ceil(pages / signature) * copies / up",
    "flyer": "ceil(copies / up)",
    "poster": "copies",
    "perfect_bound": "ceil(pages / signature) * copies + ceil(copies / up)",
}
WASTE_RATE = 0.05
MAKEREADY_SHEETS = 25


class SheetEstimate:
    def __init__(self, product, params, formula=None):
        self.product = product
        self.params = params
        self.formula = formula or DEFAULT_FORMULAS.get(product, "copies")
        if len(self.formula) > 200:
            raise ValueError("formula too long")

    def variables(self):
        return {
            "pages": int(self.params.get("pages", 1)),
            "copies": int(self.params.get("copies", 1)),
            "signature": int(self.params.get("signature", 16)),
            "up": int(self.params.get("up", 1)),
        }

    def sheets(self):
        scope = dict(FORMULA_FUNCS)
        scope.update(self.variables())
        return eval(self.formula, {"__builtins__": {}}, scope)  # VULN flow

    def with_waste(self):
        net = math.ceil(self.sheets())
        return net, net + math.ceil(net * WASTE_RATE) + MAKEREADY_SHEETS


@app.post("/api/estimate/sheets")
def estimate_sheets():
    data = request.get_json(force=True) or {}
    try:
        estimate = SheetEstimate(
            data.get("product", "flyer"),
            data.get("params", {}),
            data.get("formula"),
        )
        net, gross = estimate.with_waste()
    except (ZeroDivisionError, ValueError, TypeError, NameError, SyntaxError) as exc:
        return jsonify(error=type(exc).__name__), 400
    log.info("estimate for %r: %d net / %d gross sheets", estimate.product, net, gross)
    return jsonify(product=estimate.product, formula=estimate.formula,
                   net_sheets=net, gross_sheets=gross)
