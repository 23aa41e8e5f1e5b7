"""Promotion preview service for the marketing console (Tornado).

Marketing writes eligibility rules for happy-hour and bundle promotions;
before publishing, the console asks this service to evaluate a rule against
sample baskets.
"""
import json
import logging
import operator
from decimal import Decimal

import tornado.ioloop
import tornado.web

log = logging.getLogger("promo.preview")

OPS = {
    "==": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge,
    "<": operator.lt, "<=": operator.le, "in": lambda a, b: a in b, "contains": lambda a, b: b in a,
}
FIELDS = {"outlet", "hour", "skus", "subtotal", "member_tier"}


class PromoRule:
    """A rule is {"all": [conditions], "discount": "10"} where a condition is {field, op, value}."""

    def __init__(self, code: str, source: dict):
        self.code = code
        self.source = source if isinstance(source, dict) else {}

    def _check(self, cond: dict, basket: dict) -> bool:
        field, op = cond.get("field"), cond.get("op")
        if field not in FIELDS or op not in OPS:
            raise ValueError(f"unsupported condition {field!r} {op!r}")
        value = cond.get("value")
        if field == "subtotal":
            value = Decimal(str(value))
        return bool(OPS[op](basket[field], value))

    def evaluate(self, basket: dict) -> dict:
        conditions = self.source.get("all", [])
        eligible = all(self._check(c, basket) for c in conditions)
        discount = Decimal(str(self.source.get("discount", "0"))) if eligible else Decimal("0")
        return {"eligible": eligible, "discount": str(discount)}


def normalise_basket(raw: dict) -> dict:
    lines = raw.get("lines", [])
    subtotal = sum(Decimal(str(l.get("price", 0))) * int(l.get("qty", 1)) for l in lines)
    return {
        "outlet": raw.get("outlet", ""),
        "hour": int(raw.get("hour", 12)),
        "lines": lines,
        "skus": [l.get("sku") for l in lines],
        "subtotal": subtotal,
        "member_tier": raw.get("member_tier"),
    }


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            payload = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid JSON")
        rule = PromoRule(payload.get("code", "DRAFT"), payload.get("rule", {}))
        results = []
        for sample in payload.get("baskets", []):
            basket = normalise_basket(sample)
            try:
                results.append(rule.evaluate(basket))
            except Exception as exc:
                results.append({"error": type(exc).__name__})
        log.info("previewed promo %r against %d baskets", rule.code, len(results))
        self.write({"code": rule.code, "results": results})


def make_app():
    return tornado.web.Application([(r"/promotions/preview", PreviewHandler)])


if __name__ == "__main__":
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
