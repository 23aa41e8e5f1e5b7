"""Promotion preview service for the marketing console (Tornado).

Marketing writes eligibility rules for happy-hour and bundle promotions;
before publishing, the console asks this service to evaluate a rule against
sample baskets.
"""
import json
import logging
from decimal import Decimal

import tornado.ioloop
import tornado.web

log = logging.getLogger("promo.preview")


class PromoRule:
    """A rule is a snippet that sets ``eligible`` (and optionally ``discount``)."""

    def __init__(self, code: str, source: str):
        self.code = code
        self.source = source

    def evaluate(self, basket: dict) -> dict:
        scope = {
            "__builtins__": {},
            "basket": basket,
            "Decimal": Decimal,
            "eligible": False,
            "discount": Decimal("0"),
        }
        exec(self.source, scope)  # VULN flow
        return {"eligible": bool(scope["eligible"]), "discount": str(scope["discount"])}


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
        rule = PromoRule(payload.get("code", "DRAFT"), payload.get("rule", ""))
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
