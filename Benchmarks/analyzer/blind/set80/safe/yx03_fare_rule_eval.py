"""Fare rule preview service for the tariff team.

Tariff analysts type a pricing expression into the back-office UI and
preview what it would charge for a handful of sample trips.
"""
import ast
import logging
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="fare-rules")
log = logging.getLogger("fare_rules")

BASE_FARES = {"bus": 2.10, "tram": 2.40, "metro": 2.80, "ferry": 4.50}
MAX_EXPRESSION_LEN = 500

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub,
            ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMP_OPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
            ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_FUNCS = {"min": min, "max": max, "round": round}


class TripContext(BaseModel):
    mode: str
    zones: int
    age: int = 30
    minutes: int = 0
    peak: bool = False


class RulePreview(BaseModel):
    name: str
    expression: str
    trips: List[TripContext]


class FareRule:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()

    def apply(self, ctx: Dict[str, object]) -> float:
        return float(evaluate_expression(self.expression, ctx))


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in scope:
            raise NameError(node.id)
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, scope)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP_OPS:
        return _CMP_OPS[type(node.ops[0])](_eval_node(node.left, scope),
                                           _eval_node(node.comparators[0], scope))
    if isinstance(node, ast.IfExp):
        branch = node.body if _eval_node(node.test, scope) else node.orelse
        return _eval_node(branch, scope)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        return _FUNCS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise TypeError("unsupported element %s" % type(node).__name__)


def evaluate_expression(expression: str, variables: Dict[str, object]):
    tree = ast.parse(expression, mode="eval")
    return _eval_node(tree, dict(variables))


def context_for(trip: TripContext) -> Dict[str, object]:
    base = BASE_FARES.get(trip.mode)
    if base is None:
        raise HTTPException(status_code=422, detail="unknown mode")
    return {
        "base": base,
        "zones": trip.zones,
        "age": trip.age,
        "minutes": trip.minutes,
        "peak": trip.peak,
    }


@app.post("/rules/preview")
def preview_rule(body: RulePreview):
    if len(body.expression) > MAX_EXPRESSION_LEN:
        raise HTTPException(status_code=413, detail="expression too long")
    rule = FareRule(body.name, body.expression)
    results = []
    for trip in body.trips:
        try:
            price = rule.apply(context_for(trip))
        except SyntaxError:
            raise HTTPException(status_code=422, detail="rule does not parse")
        except (ArithmeticError, NameError, TypeError) as exc:
            raise HTTPException(status_code=422, detail=f"rule error: {exc}")
        results.append({"mode": trip.mode, "zones": trip.zones, "price": round(price, 2)})
    log.info("previewed rule %r on %d trips", rule.name, len(results))
    return {"rule": rule.name, "results": results}
