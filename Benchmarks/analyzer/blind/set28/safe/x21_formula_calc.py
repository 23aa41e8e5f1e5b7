"""Lambda that prices quotes using merchant-defined pricing formulas."""
import ast
import json
import logging
import math
import operator
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

FORMULAS = boto3.resource("dynamodb").Table(os.environ.get("FORMULA_TABLE", "pricing-formulas"))

MAX_FORMULA_LENGTH = 200
ALLOWED_FUNCTIONS = {"min": min, "max": max, "round": round, "ceil": math.ceil, "floor": math.floor}
INPUT_FIELDS = ("base", "quantity", "weight", "distance")
BINARY_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def _eval_node(node: ast.AST, variables: dict[str, float]) -> float:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in variables:
        return float(variables[node.id])
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPS:
        return BINARY_OPS[type(node.op)](_eval_node(node.left, variables), _eval_node(node.right, variables))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, variables))
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ALLOWED_FUNCTIONS
        and not node.keywords
    ):
        args = [_eval_node(arg, variables) for arg in node.args]
        return float(ALLOWED_FUNCTIONS[node.func.id](*args))
    raise ValueError("unsupported expression")


def evaluate(expression: str, variables: dict[str, float]) -> float:
    if len(expression) > MAX_FORMULA_LENGTH:
        raise ValueError("formula too long")
    tree = ast.parse(expression, mode="eval")
    return _eval_node(tree.body, variables)


def _inputs(body: dict) -> dict[str, float]:
    values = {}
    for name in INPUT_FIELDS:
        raw = body.get(name, 0)
        value = float(raw)
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be a non-negative number")
        values[name] = value
    return values


def _response(status: int, body: dict) -> dict:
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}


def handler(event, context):
    try:
        body = json.loads(event.get("body") or "{}")
        variables = _inputs(body)
    except (json.JSONDecodeError, TypeError, ValueError):
        return _response(400, {"error": "invalid input"})

    merchant_id = event["requestContext"]["authorizer"]["merchant_id"]
    formula = body.get("preview_formula")
    if not formula:
        item = FORMULAS.get_item(Key={"merchant_id": merchant_id}).get("Item")
        if item is None:
            return _response(404, {"error": "no pricing formula configured"})
        formula = item["formula"]

    try:
        price = evaluate(str(formula), variables)
    except (SyntaxError, ValueError, TypeError, NameError, ZeroDivisionError, OverflowError):
        logger.info("formula for merchant %r could not be evaluated", merchant_id)
        return _response(422, {"error": "formula could not be evaluated"})
    return _response(200, {"merchant_id": merchant_id, "price": round(price, 2)})
