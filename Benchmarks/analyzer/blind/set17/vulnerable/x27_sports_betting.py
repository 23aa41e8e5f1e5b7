"""Odds-pricing service: traders define margin formulas applied to raw probabilities."""
import json
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response

log = logging.getLogger("odds.pricing")
app = Bottle()

TRADER_TOKENS = set(filter(None, os.environ.get("ODDS_TRADER_TOKENS", "").split(",")))
FORMULA_HELPERS = {"min": min, "max": max, "round": round}
MAX_FORMULA_LEN = 200


class PricingRule:
    def __init__(self, name, market, formula):
        self.name = name
        self.market = market
        self.formula = formula

    def price(self, probability, liability):
        scope = {"__builtins__": {}, **FORMULA_HELPERS}
        ctx = {"p": probability, "liability": liability}
        decimal_odds = eval(self.formula, scope, ctx)  # VULN flow
        return round(float(decimal_odds), 2)


class RuleBook:
    def __init__(self):
        self._rules = {}
        self._lock = threading.Lock()

    def add(self, rule):
        with self._lock:
            self._rules[rule.market] = rule

    def for_market(self, market):
        return self._rules.get(market)


RULES = RuleBook()


def require_trader():
    if request.get_header("X-Trader-Token") not in TRADER_TOKENS:
        raise HTTPError(401, "trader token required")


@app.post("/rules")
def create_rule():
    require_trader()
    data = request.json or {}
    formula = str(data.get("formula", ""))
    if not formula or len(formula) > MAX_FORMULA_LEN:
        raise HTTPError(400, "formula missing or too long")
    rule = PricingRule(str(data.get("name", "unnamed")), str(data.get("market", "")), formula)
    RULES.add(rule)
    log.info("rule %r installed for market %r", rule.name, rule.market)
    response.status = 201
    return {"market": rule.market, "name": rule.name}


@app.post("/price")
def price_selection():
    data = request.json or {}
    rule = RULES.for_market(str(data.get("market", "")))
    if rule is None:
        raise HTTPError(404, "no rule for market")
    try:
        probability = float(data["probability"])
        liability = float(data.get("liability", 0))
    except (KeyError, TypeError, ValueError):
        raise HTTPError(400, "probability required")
    if not 0 < probability < 1:
        raise HTTPError(400, "probability out of range")
    try:
        odds = rule.price(probability, liability)
    except Exception:
        log.exception("rule %r failed", rule.name)
        raise HTTPError(500, "pricing failed")
    response.content_type = "application/json"
    return json.dumps({"market": rule.market, "decimal_odds": odds})
