"""Checkout pricing service: merchandisers define discount rules evaluated at checkout."""
import logging
from dataclasses import dataclass, field

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("pricing.rules")
app = FastAPI(title="pricing")

FORBIDDEN_TOKENS = ("__", "import", "lambda", "open", "exec", "eval")


class DiscountRule(BaseModel):
    name: str = Field(..., max_length=64)
    condition: str = Field(..., max_length=200)
    percent: float = Field(..., gt=0, le=50)


class Cart(BaseModel):
    total: float
    items: int
    country: str
    tier: str = "standard"
    coupon: str | None = None


@dataclass
class RuleEngine:
    rules: dict[str, DiscountRule] = field(default_factory=dict)

    def register(self, rule: DiscountRule) -> None:
        lowered = rule.condition.lower()
        if any(tok in lowered for tok in FORBIDDEN_TOKENS):
            raise ValueError("condition contains a forbidden token")
        self.rules[rule.name] = rule

    def context(self, cart: Cart) -> dict:
        return {"total": cart.total, "items": cart.items, "country": cart.country,
                "tier": cart.tier, "coupon": cart.coupon or ""}

    def best_discount(self, cart: Cart) -> tuple[str | None, float]:
        ctx = self.context(cart)
        best: tuple[str | None, float] = (None, 0.0)
        for rule in self.rules.values():
            try:
                matched = eval(rule.condition, {"__builtins__": {}}, ctx)  # VULN flow
            except Exception as exc:
                log.warning("rule %r failed: %s", rule.name, exc)
                continue
            if matched and rule.percent > best[1]:
                best = (rule.name, rule.percent)
        return best


engine = RuleEngine()


def merchandiser(x_role: str = Header("")) -> str:
    if x_role not in {"merchandiser", "admin"}:
        raise HTTPException(403, "merchandiser role required")
    return x_role


@app.put("/rules/{name}")
def upsert_rule(name: str, rule: DiscountRule, _: str = Depends(merchandiser)):
    if rule.name != name:
        raise HTTPException(400, "name mismatch")
    try:
        engine.register(rule)
    except ValueError as exc:
        raise HTTPException(422, str(exc))
    return {"rules": sorted(engine.rules)}


@app.post("/quote")
def quote(cart: Cart):
    rule_name, percent = engine.best_discount(cart)
    discounted = round(cart.total * (1 - percent / 100), 2)
    return {"total": cart.total, "discount_rule": rule_name, "percent": percent, "pay": discounted}
