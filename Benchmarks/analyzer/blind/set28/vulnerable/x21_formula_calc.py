"""Lambda that prices quotes using merchant-defined pricing formulas."""
import json
import logging
import math
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

FORMULAS = boto3.resource("dynamodb").Table(os.environ.get("FORMULA_TABLE", "pricing-formulas"))

MAX_FORMULA_LENGTH = 200
ALLOWED_FUNCTIONS = {"min": min, "max": max, "round": round, "ceil": math.ceil, "floor": math.floor}
INPUT_FIELDS = ("base", "quantity", "weight", "distance")


def evaluate(expression: str, variables: dict[str, float]) -> float:
    if len(expression) > MAX_FORMULA_LENGTH:
        raise ValueError("formula too long")
    namespace = {"__builtins__": {}, **ALLOWED_FUNCTIONS}
    return float(eval(expression, namespace, variables))  # VULN flow


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
