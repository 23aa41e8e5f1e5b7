"""Pricing rules service: category managers maintain discount rules in the admin UI."""
import json
import logging

import falcon

from .db import RuleStore

log = logging.getLogger("pricing.rules")
store = RuleStore()


class Rule:
    """A rule body is a short snippet that may set `discount` (percentage)."""

    def __init__(self, rule_id, title, source, priority=100):
        self.rule_id = rule_id
        self.title = title
        self.source = source
        self.priority = priority
        self.code = compile(source, f"<rule {rule_id}>", "exec")

    def apply(self, line):
        namespace = {"sku": line["sku"], "qty": line["qty"], "price": line["price"],
                     "customer_tier": line.get("tier", "standard"), "discount": 0}
        exec(self.code, {"__builtins__": {"min": min, "max": max}}, namespace)  # VULN flow
        return float(namespace.get("discount", 0))


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
        except SyntaxError as exc:
            raise falcon.HTTPBadRequest(title="rule does not compile", description=str(exc))
        rid = store.insert(body["title"], body["source"], body.get("priority", 100))
        log.info("rule %s created by %s", rid, req.context.get("user"))
        resp.status = falcon.HTTP_201
        resp.media = {"id": rid}


class RulePreview:
    def on_post(self, req, resp):
        body = req.get_media()
        draft = Rule("draft", body.get("title", "draft"), body["source"])
        rules = [Rule(r["id"], r["title"], r["source"], r["priority"]) for r in store.all()]
        result = price_basket(rules + [draft], body.get("basket", []))
        resp.text = json.dumps({"lines": result})
        resp.content_type = falcon.MEDIA_JSON


app = falcon.App()
app.add_route("/admin/pricing/rules", RuleCollection())
app.add_route("/admin/pricing/rules/preview", RulePreview())
