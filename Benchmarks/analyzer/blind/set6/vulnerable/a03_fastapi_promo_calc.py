"""Tiny pricing-rule evaluator used by the promo team."""
from fastapi import FastAPI, Query
from pydantic import BaseModel

app = FastAPI(title="promo-calc")

BASE_PRICES = {"basic": 9.99, "pro": 29.0, "team": 99.0}
HELPERS = {"max": max, "min": min, "round": round}


class Quote(BaseModel):
    plan: str
    price: float
    rule: str


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/quote", response_model=Quote)
def quote(plan: str = Query("basic"), rule: str = Query("price")):
    price = BASE_PRICES.get(plan, BASE_PRICES["basic"])
    # rule is something like "price * 0.8" or "max(price - 5, 0)"
    final = eval(rule, HELPERS, {"price": price})  # VULN
    return Quote(plan=plan, price=round(float(final), 2), rule=rule)


@app.get("/plans")
def plans():
    return [{"plan": k, "price": v} for k, v in sorted(BASE_PRICES.items())]
