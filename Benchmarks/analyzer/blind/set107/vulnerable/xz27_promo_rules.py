"""Franchise promo rules evaluated at checkout.

Franchise partners configure promos in the partner portal. A rule is a short
condition such as ``cart.total >= 100 and member.tier == 'gold'``.
"""
import logging
from dataclasses import dataclass
from types import SimpleNamespace
from typing import List, Optional

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("promos")


@dataclass
class PromoRule:
    code: str
    condition: str
    discount_pct: float


class PromoEngine:
    def __init__(self, rules: List[PromoRule]):
        self.rules = rules

    @staticmethod
    def _context(cart: dict, member: dict) -> dict:
        return {
            "cart": SimpleNamespace(total=cart.get("total", 0), items=len(cart.get("items", [])),
                                    has_pt=any(i.get("type") == "pt" for i in cart.get("items", []))),
            "member": SimpleNamespace(tier=member.get("tier", "basic"),
                                      months=member.get("months", 0)),
        }

    def _matches(self, rule: PromoRule, ctx: dict) -> bool:
        return bool(eval(rule.condition, {"__builtins__": {}}, ctx))  # VULN flow

    def best_discount(self, cart: dict, member: dict) -> Optional[PromoRule]:
        ctx = self._context(cart, member)
        best = None
        for rule in self.rules:
            try:
                if self._matches(rule, ctx) and (best is None or rule.discount_pct > best.discount_pct):
                    best = rule
            except Exception as exc:
                log.warning("rule %r failed: %r", rule.code, exc)
        return best


@app.route("/partner/promos/preview", methods=["POST"])
def preview_rule():
    """Partner portal 'test this rule' button."""
    body = request.get_json(force=True)
    rule = PromoRule(code=body.get("code", "TEST"), condition=body["condition"],
                     discount_pct=float(body.get("discount_pct", 10)))
    engine = PromoEngine([rule])
    samples = body.get("samples") or [{"cart": {"total": 120}, "member": {"tier": "gold"}}]
    hits = [bool(engine.best_discount(s.get("cart", {}), s.get("member", {}))) for s in samples]
    return jsonify(code=rule.code, matches=hits)
