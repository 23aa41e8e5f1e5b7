"""Payer edit rules: billing staff can preview a rule against a draft claim
before saving it to the scrubber configuration."""
import ast
import logging
import operator
from dataclasses import dataclass, field
from typing import List

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("claim_rules")

_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub,
           ast.Mult: operator.mul, ast.Div: operator.truediv}


@dataclass
class ClaimLine:
    cdt_code: str
    tooth: str = ""
    surface: str = ""
    fee: float = 0.0
    units: int = 1


@dataclass
class DraftClaim:
    payer_id: str
    patient_age: int
    lines: List[ClaimLine] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(line.fee * line.units for line in self.lines)

    def codes(self) -> List[str]:
        return [line.cdt_code for line in self.lines]


def parse_claim(payload: dict) -> DraftClaim:
    lines = [ClaimLine(**line) for line in payload.get("lines", [])]
    return DraftClaim(payload["payer_id"], int(payload.get("patient_age", 0)), lines)


class RuleEvaluator:
    """Evaluates a scrubber rule such as ``total > 500 and 'D2740' in codes``."""

    def __init__(self, expression: str):
        self.expression = expression.strip()
        self.tree = ast.parse(self.expression, mode="eval")

    def context(self, claim: DraftClaim) -> dict:
        return {
            "total": claim.total,
            "codes": claim.codes(),
            "age": claim.patient_age,
            "payer": claim.payer_id,
        }

    def _eval(self, node, ctx):
        if isinstance(node, ast.Expression):
            return self._eval(node.body, ctx)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in ctx:
            return ctx[node.id]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self._eval(elt, ctx) for elt in node.elts]
        if isinstance(node, ast.BoolOp):
            values = [self._eval(v, ctx) for v in node.values]
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return not self._eval(node.operand, ctx)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](self._eval(node.left, ctx), self._eval(node.right, ctx))
        if isinstance(node, ast.Compare):
            left = self._eval(node.left, ctx)
            for op, comp in zip(node.ops, node.comparators):
                if type(op) not in _COMPARE:
                    raise ValueError("operator not allowed")
                right = self._eval(comp, ctx)
                if not _COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        raise ValueError(f"unsupported element {type(node).__name__}")

    def evaluate(self, claim: DraftClaim) -> bool:
        ctx = self.context(claim)
        return bool(self._eval(self.tree, ctx))


@app.route("/billing/rules/preview", methods=["POST"])
def preview_rule():
    body = request.get_json(silent=True) or {}
    if "rule" not in body or "claim" not in body:
        abort(400)
    try:
        claim = parse_claim(body["claim"])
        evaluator = RuleEvaluator(body["rule"])
    except (KeyError, TypeError, ValueError, SyntaxError):
        abort(400)
    try:
        hit = evaluator.evaluate(claim)
    except Exception as exc:
        log.info("rule preview failed: %s", type(exc).__name__)
        return jsonify({"error": "rule could not be evaluated"}), 422
    return jsonify({"matched": hit, "total": claim.total})


if __name__ == "__main__":
    app.run(port=8050)
