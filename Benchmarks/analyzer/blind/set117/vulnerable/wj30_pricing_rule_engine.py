"""Dynamic pricing rules for the ticketing platform.

Promoters manage their own price rules in the partner portal; each rule is a
short snippet that may adjust ``price`` given the sales context, e.g.::

    if sold_pct > 0.8 and days_out < 7:
        price = price * 1.15
"""
import logging
import sqlite3
from dataclasses import dataclass
from typing import List

log = logging.getLogger("pricing")

DB = "/var/lib/ticketing/pricing.db"
FLOOR_PCT = 0.5
CEILING_PCT = 2.5


@dataclass
class PriceRule:
    rule_id: int
    promoter_id: int
    name: str
    source: str
    priority: int


def rules_for(conn: sqlite3.Connection, promoter_id: int) -> List[PriceRule]:
    rows = conn.execute(
        "SELECT id, promoter_id, name, source, priority FROM price_rules "
        "WHERE promoter_id = ? AND enabled = 1 ORDER BY priority",
        (promoter_id,),
    ).fetchall()
    return [PriceRule(*r) for r in rows]


def apply_rule(rule: PriceRule, context: dict) -> int:
    scope = dict(context)
    code = compile(rule.source, f"<rule {rule.rule_id}>", "exec")
    exec(code, {"__builtins__": {"min": min, "max": max, "round": round}}, scope)  # VULN flow
    return int(scope.get("price", context["price"]))


def quote(conn: sqlite3.Connection, promoter_id: int, base_price: int, sold: int,
          capacity: int, days_out: int) -> int:
    context = {
        "price": base_price,
        "sold": sold,
        "capacity": capacity,
        "sold_pct": sold / capacity if capacity else 0.0,
        "days_out": days_out,
    }
    for rule in rules_for(conn, promoter_id):
        try:
            context["price"] = apply_rule(rule, context)
        except Exception as exc:
            log.warning("price rule %d (%r) failed: %r", rule.rule_id, rule.name, exc)
    floor, ceiling = int(base_price * FLOOR_PCT), int(base_price * CEILING_PCT)
    return max(floor, min(ceiling, context["price"]))


if __name__ == "__main__":
    with sqlite3.connect(DB) as c:
        print(quote(c, promoter_id=17, base_price=4500, sold=812, capacity=950, days_out=3))
