"""Fee rule simulator for the product pricing team.

Pricing managers draft fee rules in the admin console and run them
against a sample of last month's transactions before requesting approval.
Rules are declarative: a percentage, optional fixed component, min/max
caps and per-tier / per-channel discounts.
"""
import json
import logging
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable, List

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from pricing.samples import sample_transactions

log = logging.getLogger("pricing.simulator")
CENT = Decimal("0.01")

RULE_KEYS = {"percent", "fixed", "minimum", "maximum", "tier_discount", "channel_discount"}


def _compile_rule(rule_spec: dict) -> Callable:
    unknown = set(rule_spec) - RULE_KEYS
    if unknown:
        raise ValueError(f"unknown rule keys: {sorted(unknown)}")
    percent = Decimal(str(rule_spec.get("percent", "0")))
    fixed = Decimal(str(rule_spec.get("fixed", "0")))
    minimum = Decimal(str(rule_spec.get("minimum", "0")))
    maximum = Decimal(str(rule_spec["maximum"])) if "maximum" in rule_spec else None
    tier_discount = {k: Decimal(str(v)) for k, v in rule_spec.get("tier_discount", {}).items()}
    channel_discount = {k: Decimal(str(v)) for k, v in rule_spec.get("channel_discount", {}).items()}

    def fee(amount, currency, tier, channel):
        value = amount * percent / 100 + fixed
        value *= (1 - tier_discount.get(tier, Decimal("0"))) * (1 - channel_discount.get(channel, Decimal("0")))
        value = max(value, minimum)
        return min(value, maximum) if maximum is not None else value

    return fee


def _simulate(rule: Callable, txns: List[dict]) -> dict:
    total = Decimal("0")
    rows = []
    for t in txns:
        fee = Decimal(str(rule(t["amount"], t["currency"], t["tier"], t["channel"]))).quantize(CENT, ROUND_HALF_UP)
        total += fee
        rows.append({"id": t["id"], "amount": str(t["amount"]), "fee": str(fee)})
    return {"transactions": len(rows), "total_fees": str(total), "sample": rows[:25]}


@require_POST
@permission_required("pricing.simulate_fee_rules", raise_exception=True)
def simulate_rule(request):
    try:
        payload = json.loads(request.body or b"{}")
    except json.JSONDecodeError:
        return HttpResponseBadRequest("invalid JSON")
    rule_spec = payload.get("rule", {})
    product = payload.get("product", "current_account")
    if not isinstance(rule_spec, dict):
        return JsonResponse({"error": "rule must be an object"}, status=400)
    try:
        rule = _compile_rule(rule_spec)
    except (ValueError, InvalidOperation, AttributeError) as exc:
        return JsonResponse({"error": f"invalid rule: {exc}"}, status=400)
    txns = sample_transactions(product=product, limit=min(int(payload.get("sample_size", 500)), 5000))
    try:
        result = _simulate(rule, txns)
    except ArithmeticError as exc:
        log.info("rule simulation failed for %r: %r", request.user.username, exc)
        return JsonResponse({"error": str(exc)}, status=422)
    log.info("fee rule simulated by %r on %r", request.user.username, product)
    return JsonResponse(result)
