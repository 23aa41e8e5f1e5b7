"""Quote endpoint for the optical lab's ordering portal.

Practices send a lens order (material, design, add-ons) and get back a price.
Each add-on carries its own adjustment (e.g. ``+ 18.50`` for AR coating,
``* 1.15`` for rush service) which we apply in order.
"""
import json
import logging
from decimal import Decimal

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("lab.quotes")

BASE_PRICES = {
    ("cr39", "single_vision"): 24.00,
    ("cr39", "progressive"): 88.00,
    ("polycarbonate", "single_vision"): 36.00,
    ("polycarbonate", "progressive"): 104.00,
    ("hi_index_167", "single_vision"): 62.00,
    ("hi_index_167", "progressive"): 139.00,
}


def base_price(material: str, design: str) -> float:
    try:
        return BASE_PRICES[(material, design)]
    except KeyError:
        raise HTTPError(400, "unsupported material/design combination")


def build_adjustment_code(adjustments: list) -> str:
    lines = ["price = base"]
    for adj in adjustments:
        lines.append(f"price = price {adj['op']} {adj['amount']}")
    lines.append("price = round(price, 2)")
    return "\n".join(lines)


def apply_adjustments(base: float, adjustments: list) -> float:
    code = build_adjustment_code(adjustments)
    scope = {"base": base, "round": round}
    exec(code, {"__builtins__": {}}, scope)  # VULN flow
    return scope["price"]


@app.post("/api/quotes")
def quote():
    order = request.json or {}
    material = order.get("material", "cr39")
    design = order.get("design", "single_vision")
    adjustments = order.get("addons", [])
    if not isinstance(adjustments, list) or len(adjustments) > 12:
        raise HTTPError(400, "addons must be a list of at most 12 items")
    base = base_price(material, design)
    try:
        per_lens = apply_adjustments(base, adjustments)
    except (KeyError, TypeError, SyntaxError, ZeroDivisionError, NameError):
        raise HTTPError(400, "invalid add-on adjustment")
    pairs = int(order.get("pairs", 1))
    total = Decimal(str(per_lens)) * 2 * pairs
    log.info("quote %s/%s addons=%d -> %s", material, design, len(adjustments), total)
    response.content_type = "application/json"
    return json.dumps({"per_lens": per_lens, "pairs": pairs, "total": str(total)})
