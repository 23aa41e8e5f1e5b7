"""Auto-DJ transition rules.

DJs define rules such as ``bpm_delta < 6 and key_compatible`` in the booth
dashboard; the auto-mixer asks this service whether it may blend from the
current track into a candidate.
"""
import ast
import logging
import operator
from dataclasses import dataclass
from typing import Dict

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("autodj.rules")

_CMP = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
        ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_BIN = {ast.Add: operator.add, ast.Sub: operator.sub,
        ast.Mult: operator.mul, ast.Div: operator.truediv}


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, ctx) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        value = _eval_node(node.operand, ctx)
        return (not value) if isinstance(node.op, ast.Not) else -value
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, ctx)
        for op, comp in zip(node.ops, node.comparators):
            if type(op) not in _CMP:
                raise ValueError("unsupported comparison")
            right = _eval_node(comp, ctx)
            if not _CMP[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        return _BIN[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def key_compatible(a: str, b: str) -> bool:
    """Camelot wheel: same number, or +/-1 on the same letter."""
    na, la = int(a[:-1]), a[-1].upper()
    nb, lb = int(b[:-1]), b[-1].upper()
    if na == nb:
        return True
    return la == lb and abs(na - nb) in (1, 11)


@dataclass
class Track:
    title: str
    bpm: float
    key: str
    energy: int


@dataclass
class Rule:
    name: str
    expression: str
    priority: int = 0

    def __post_init__(self):
        self._tree = ast.parse(self.expression, mode="eval")

    @staticmethod
    def context(current: Track, candidate: Track) -> dict:
        return {
            "bpm_delta": abs(current.bpm - candidate.bpm),
            "energy_step": candidate.energy - current.energy,
            "key_compatible": key_compatible(current.key, candidate.key),
            "current_bpm": current.bpm,
            "candidate_bpm": candidate.bpm,
        }

    def evaluate(self, current: Track, candidate: Track) -> bool:
        ctx = self.context(current, candidate)
        return bool(_eval_node(self._tree, ctx))


RULES: Dict[str, Rule] = {}


@app.post("/rules")
def add_rule():
    body = request.get_json(force=True)
    try:
        rule = Rule(
            name=str(body["name"])[:64],
            expression=str(body["expression"])[:500],
            priority=int(body.get("priority", 0)),
        )
    except SyntaxError:
        return jsonify({"ok": False, "error": "rule does not parse"}), 400
    RULES[rule.name] = rule
    log.info("rule %r saved", rule.name)
    return jsonify({"ok": True, "rules": len(RULES)}), 201


@app.post("/rules/check")
def check_transition():
    body = request.get_json(force=True)
    current = Track(**body["current"])
    candidate = Track(**body["candidate"])
    results = {}
    for rule in sorted(RULES.values(), key=lambda r: -r.priority):
        try:
            results[rule.name] = rule.evaluate(current, candidate)
        except Exception as exc:
            log.warning("rule %r failed: %r", rule.name, exc)
            results[rule.name] = None
    allowed = all(v for v in results.values() if v is not None)
    return jsonify({"allowed": allowed, "rules": results})
