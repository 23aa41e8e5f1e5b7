"""Pricing rules service: category managers maintain discount rules in the admin UI."""
import json
import logging
import operator

import falcon

from .db import RuleStore

log = logging.getLogger("pricing.rules")
store = RuleStore()

OPS = {"==": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge,
       "<": operator.lt, "<=": operator.le}
FIELDS = {"sku", "qty", "price", "customer_tier"}


class Rule:
    """A rule body is a JSON condition list plus a `discount` percentage."""

    def __init__(self, rule_id, title, source, priority=100):
        self.rule_id = rule_id
        self.title = title
        self.source = source
        self.priority = priority
        self.code = self._compile(source)

    @staticmethod
    def _compile(source):
        spec = json.loads(source) if isinstance(source, str) else source
        conditions = []
        for cond in spec.get("when", []):
            if cond["field"] not in FIELDS or cond["op"] not in OPS:
                raise ValueError("unsupported condition %r" % (cond,))
            conditions.append((cond["field"], OPS[cond["op"]], cond["value"]))
        discount = float(spec["discount"])
        if not 0 <= discount <= 100:
            raise ValueError("discount out of range")
        return conditions, discount

    def apply(self, line):
        namespace = {"sku": line["sku"], "qty": line["qty"], "price": line["price"],
                     "customer_tier": line.get("tier", "standard")}
        conditions, discount = self.code
        if all(op(namespace[field], value) for field, op, value in conditions):
            return discount
        return 0.0


def price_basket(rules, basket):
    priced = []
    for line in basket:
        best = 0.0
        for rule in sorted(rules, key=lambda r: r.priority):
            best = max(best, rule.apply(line))
        net = round(line["price"] * line["qty"] * (1 - best / 100), 2)
        priced.append({**line, "discount_pct": best, "net": net})
    return priced


class RuleCollection:
    def on_get(self, req, resp):
        resp.media = [{"id": r["id"], "title": r["title"], "source": r["source"]}
                      for r in store.all()]

    def on_post(self, req, resp):
        body = req.get_media()
        try:
            Rule("new", body["title"], body["source"])
        except (ValueError, KeyError, TypeError) as exc:
            raise falcon.HTTPBadRequest(title="rule is invalid", description=str(exc))
        rid = store.insert(body["title"], body["source"], body.get("priority", 100))
        log.info("rule %s created by %s", rid, req.context.get("user"))
        resp.status = falcon.HTTP_201
        resp.media = {"id": rid}


class RulePreview:
    def on_post(self, req, resp):
        body = req.get_media()
        try:
            draft = Rule("draft", body.get("title", "draft"), body["source"])
        except (ValueError, KeyError, TypeError) as exc:
            raise falcon.HTTPBadRequest(title="rule is invalid", description=str(exc))
        rules = [Rule(r["id"], r["title"], r["source"], r["priority"]) for r in store.all()]
        result = price_basket(rules + [draft], body.get("basket", []))
        resp.text = json.dumps({"lines": result})
        resp.content_type = falcon.MEDIA_JSON


app = falcon.App()
app.add_route("/admin/pricing/rules", RuleCollection())
app.add_route("/admin/pricing/rules/preview", RulePreview())
