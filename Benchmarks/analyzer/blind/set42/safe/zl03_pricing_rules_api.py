"""Falcon API that lets merchandisers preview custom pricing formulas.

A formula is a small arithmetic expression over the product's attributes,
e.g. ``base * 1.15 + shipping`` or ``max(base - 5, floor_price)``.
"""
import ast
import json
import logging
import math
import operator
from dataclasses import dataclass, field
from typing import Dict

import falcon

log = logging.getLogger("pricing")

HELPERS = {"min": min, "max": max, "round": round, "ceil": math.ceil, "floor": math.floor}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


@dataclass
class PricingRule:
    name: str
    expression: str
    defaults: Dict[str, float] = field(default_factory=dict)

    def context_for(self, product: Dict[str, float]) -> Dict[str, float]:
        ctx = dict(self.defaults)
        ctx.update({k: float(v) for k, v in product.items()})
        return ctx


class FormulaError(Exception):
    pass


def _eval_node(node: ast.AST, scope: Dict[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in HELPERS and not node.keywords):
        return HELPERS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise FormulaError(f"unsupported syntax: {type(node).__name__}")


def evaluate_rule(rule: PricingRule, product: Dict[str, float]) -> float:
    scope = rule.context_for(product)
    try:
        value = _eval_node(ast.parse(rule.expression, mode="eval").body, scope)
    except FormulaError:
        raise
    except Exception as exc:  # noqa: BLE001 - surfaced to the caller
        raise FormulaError(str(exc)) from exc
    return round(float(value), 2)


class PreviewResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = req.get_media()
        try:
            rule = PricingRule(
                name=body.get("name", "preview"),
                expression=body["expression"],
                defaults=body.get("defaults", {}),
            )
            products = body.get("products", [])
        except (KeyError, TypeError):
            raise falcon.HTTPBadRequest(title="invalid payload")
        if len(rule.expression) > 200:
            raise falcon.HTTPBadRequest(title="expression too long")

        results = []
        for product in products:
            try:
                results.append({"sku": product.get("sku"),
                                "price": evaluate_rule(rule, product.get("attrs", {}))})
            except FormulaError as exc:
                results.append({"sku": product.get("sku"), "error": str(exc)})

        log.info("previewed rule %r on %d products", rule.name, len(products))
        resp.text = json.dumps({"rule": rule.name, "results": results})


class HealthResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"ok": True}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/pricing/preview", PreviewResource())
    app.add_route("/health", HealthResource())
    return app


app = create_app()
