"""Feature flag evaluation API.

Flags live as JSON documents on disk.  Each variant can carry a targeting
rule written as a small boolean expression over the evaluation context,
for example ``country == "DE" and plan in ("pro", "team")``.
"""
import ast
import json
import logging
import operator
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("flags.eval")

FLAG_DIR = Path("/srv/flags")

_COMPARATORS = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


class FlagStore:
    def __init__(self, root: Path):
        self.root = root
        self._cache: dict[str, dict] = {}

    def get(self, key: str) -> dict:
        if key not in self._cache:
            path = self.root / f"{key}.json"
            if not path.is_file():
                raise KeyError(key)
            self._cache[key] = json.loads(path.read_text())
        return self._cache[key]


store = FlagStore(FLAG_DIR)


def _evaluate(node, context: dict):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, context)
    if isinstance(node, ast.BoolOp):
        values = [_evaluate(v, context) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, context)
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, context)
        for op, comparator in zip(node.ops, node.comparators):
            fn = _COMPARATORS.get(type(op))
            if fn is None:
                raise ValueError("unsupported operator")
            right = _evaluate(comparator, context)
            if not fn(left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name):
        return context.get(node.id)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_evaluate(e, context) for e in node.elts)
    raise ValueError(f"unsupported expression: {type(node).__name__}")


def rule_matches(rule: str, context: dict) -> bool:
    try:
        tree = ast.parse(rule, mode="eval")
        return bool(_evaluate(tree, context))
    except Exception as exc:
        log.debug("rule evaluation error: %r", exc)
        return False


def pick_variant(flag: dict, context: dict) -> str:
    for variant in flag.get("variants", []):
        rule = variant.get("rule")
        if not rule or rule_matches(rule, context):
            return variant["name"]
    return flag.get("default", "off")


@app.get("/v1/flags/<key>")
def evaluate(key):
    try:
        flag = store.get(key)
    except KeyError:
        abort(404)
    context = {k: v for k, v in request.args.items() if k.isidentifier()}
    return jsonify(flag=key, variant=pick_variant(flag, context))


@app.post("/v1/flags/preview")
def preview():
    """Dry-run a draft rule against a sample context from the flag editor."""
    body = request.get_json(force=True) or {}
    draft = body.get("rule", "")
    sample = body.get("context", {})
    if not isinstance(draft, str) or not isinstance(sample, dict) or len(draft) > 2000:
        abort(400)
    matched = rule_matches(draft, sample)
    return jsonify(rule=draft, matched=matched)


if __name__ == "__main__":
    app.run(port=5001)
