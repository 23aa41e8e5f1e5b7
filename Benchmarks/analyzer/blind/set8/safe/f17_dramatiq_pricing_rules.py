"""Dramatiq workers that apply merchant-defined discount rules to carts.

Rules are simple arithmetic expressions over cart variables, e.g.
``subtotal * 0.1 if subtotal > 100 else 0``.
"""
import ast
import logging
import operator
import os
from decimal import Decimal

import dramatiq
import psycopg2
from dramatiq.brokers.redis import RedisBroker

broker = RedisBroker(url=os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
dramatiq.set_broker(broker)
log = logging.getLogger("pricing")

MAX_RULE_LENGTH = 200
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le}


def _eval(node: ast.AST, variables: dict) -> Decimal:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, variables)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](_eval(node.left, variables), _eval(node.right, variables))
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        left, right = _eval(node.left, variables), _eval(node.comparators[0], variables)
        return Decimal(_COMPARE[type(node.ops[0])](left, right))
    if isinstance(node, ast.IfExp):
        branch = node.body if _eval(node.test, variables) else node.orelse
        return _eval(branch, variables)
    raise ValueError(f"unsupported element {type(node).__name__}")


def evaluate_rule(expression: str, variables: dict) -> Decimal:
    if len(expression) > MAX_RULE_LENGTH:
        raise ValueError("rule too long")
    return _eval(ast.parse(expression, mode="eval").body, variables)


def load_rule(merchant_id: int, rule_id: int) -> str:
    with psycopg2.connect(os.environ["PRICING_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT expression FROM discount_rules WHERE id = %s AND merchant_id = %s AND active",
            (rule_id, merchant_id),
        )
        row = cur.fetchone()
    if row is None:
        raise LookupError("rule not found")
    return row[0]


@dramatiq.actor(queue_name="pricing", max_retries=0, time_limit=2_000)
def apply_discount_rule(merchant_id: int, rule_id: int, cart: dict) -> None:
    subtotal = Decimal(str(cart.get("subtotal", "0")))
    variables = {"subtotal": subtotal, "items": Decimal(len(cart.get("items", [])))}
    try:
        discount = evaluate_rule(load_rule(int(merchant_id), int(rule_id)), variables)
    except (ValueError, LookupError, ArithmeticError, SyntaxError):
        log.exception("discount rule %s for merchant %s failed", int(rule_id), int(merchant_id))
        return
    discount = max(Decimal("0"), min(discount, subtotal))
    log.info("merchant %s discount %s", int(merchant_id), discount)
