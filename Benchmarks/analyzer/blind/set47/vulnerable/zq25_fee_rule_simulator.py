"""Fee rule simulator for the product pricing team.

Pricing managers draft fee rules in the admin console and run them
against a sample of last month's transactions before requesting approval.
"""
import json
import logging
import textwrap
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, List

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from pricing.samples import sample_transactions

log = logging.getLogger("pricing.simulator")
CENT = Decimal("0.01")

RULE_HEADER = "def fee(amount, currency, tier, channel):\n"


def _compile_rule(rule_src: str) -> Callable:
    source = RULE_HEADER + textwrap.indent(rule_src.strip() or "return Decimal('0')", "    ")
    namespace: dict = {}
    exec(source, {"Decimal": Decimal, "min": min, "max": max}, namespace)  # VULN flow
    return namespace["fee"]


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
    rule_src = payload.get("rule", "")
    product = payload.get("product", "current_account")
    try:
        rule = _compile_rule(rule_src)
    except SyntaxError as exc:
        return JsonResponse({"error": f"syntax error on line {exc.lineno}"}, status=400)
    txns = sample_transactions(product=product, limit=int(payload.get("sample_size", 500)))
    try:
        result = _simulate(rule, txns)
    except Exception as exc:  # rule code may raise anything
        log.info("rule simulation failed for %r: %r", request.user.username, exc)
        return JsonResponse({"error": str(exc)}, status=422)
    log.info("fee rule simulated by %r on %r", request.user.username, product)
    return JsonResponse(result)
