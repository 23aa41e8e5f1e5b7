"""Warehouse routing rules: pick the fulfilment centre for an order.

Marketplace sellers can add custom routing conditions in their seller console,
e.g. ``weight_kg > 20; country == DE``. The preview endpoint lets them test a
condition against one of their recent orders.
"""
import json
import logging
import operator

import tornado.web

log = logging.getLogger("routing.rules")

ORDER_FIELDS = ("country", "postcode", "weight_kg", "total_cents", "items", "express", "hazmat")
OPERATORS = {"==": operator.eq, "!=": operator.ne, ">": operator.gt,
             ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def order_view(order) -> dict:
    return {name: getattr(order, name) for name in ORDER_FIELDS}


def _coerce(raw: str, current):
    if isinstance(current, bool):
        return raw.lower() in {"true", "1", "yes"}
    if isinstance(current, (int, float)):
        return type(current)(raw)
    return raw


class RoutingRule:
    def __init__(self, seller_id: int, condition: str, centre: str, priority: int = 100):
        self.seller_id = seller_id
        self.condition = condition.strip()
        self.centre = centre
        self.priority = priority

    def matches(self, order) -> bool:
        view = order_view(order)
        for clause in filter(None, (c.strip() for c in self.condition.split(";"))):
            field, op, value = clause.split(None, 2)
            if field not in view or op not in OPERATORS:
                raise ValueError(f"unsupported clause {clause!r}")
            if not OPERATORS[op](view[field], _coerce(value, view[field])):
                return False
        return True


def choose_centre(rules, order, default: str) -> str:
    for rule in sorted(rules, key=lambda r: r.priority):
        try:
            if rule.matches(order):
                return rule.centre
        except Exception as exc:
            log.warning("rule for seller %s failed: %r", rule.seller_id, exc)
    return default


class SellerHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.application.settings["sessions"].seller_for(self.get_secure_cookie("sid"))

    def json_body(self) -> dict:
        try:
            return json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, reason="invalid JSON")


class RulePreviewHandler(SellerHandler):
    @tornado.web.authenticated
    def post(self):
        body = self.json_body()
        seller = self.current_user
        rule = RoutingRule(seller.id, str(body.get("condition", "")),
                           str(body.get("centre", "")), int(body.get("priority", 100)))
        if not rule.condition or rule.centre not in self.settings["centres"]:
            raise tornado.web.HTTPError(400, reason="condition and valid centre required")
        order = self.settings["orders"].get_for_seller(seller.id, body.get("order_id"))
        if order is None:
            raise tornado.web.HTTPError(404)
        try:
            matched = rule.matches(order)
        except Exception as exc:
            self.write({"ok": False, "error": type(exc).__name__})
            return
        self.write({"ok": True, "matched": matched,
                    "centre": rule.centre if matched else self.settings["default_centre"]})


def make_app(sessions, orders, centres, default_centre="FC-NL-01"):
    return tornado.web.Application(
        [(r"/seller/routing/preview", RulePreviewHandler)],
        sessions=sessions, orders=orders, centres=set(centres),
        default_centre=default_centre, login_url="/seller/login",
        cookie_secret=__import__("os").environ["SELLER_COOKIE_SECRET"],
    )
