"""Editorial QA rules: checks that run on an article draft before it is published."""
import ast
import logging
import operator
import re
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qa_rules")

MAX_EXPRESSION = 500


@dataclass
class Rule:
    name: str
    expression: str
    severity: str = "warning"


DEFAULT_RULES = [
    Rule("long_headline", "len(headline) > 110"),
    Rule("missing_byline", "not byline", "error"),
    Rule("short_opinion", "section == 'opinion' and word_count < 400"),
    Rule("no_images", "image_count == 0 and section != 'briefing'"),
]

_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
}
_FUNCTIONS = {"len": len}


def article_context(article: dict) -> dict:
    body = article.get("body", "")
    return {
        "headline": article.get("headline", ""),
        "byline": article.get("byline", ""),
        "section": article.get("section", ""),
        "word_count": len(re.findall(r"\w+", body)),
        "image_count": len(article.get("images", [])),
    }


def _eval_node(node, ctx: dict):
    if isinstance(node, ast.BoolOp):
        values = (_eval_node(v, ctx) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, ctx)
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, ctx)
        for op, comparator in zip(node.ops, node.comparators):
            fn = _COMPARE.get(type(op))
            if fn is None:
                raise ValueError("unsupported comparison")
            right = _eval_node(comparator, ctx)
            if not fn(left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool)):
        return node.value
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCTIONS and len(node.args) == 1 and not node.keywords):
        return _FUNCTIONS[node.func.id](_eval_node(node.args[0], ctx))
    raise ValueError(f"unsupported element: {type(node).__name__}")


def evaluate_rule(rule: Rule, ctx: dict) -> bool:
    if len(rule.expression) > MAX_EXPRESSION:
        raise ValueError("expression too long")
    tree = ast.parse(rule.expression, mode="eval")
    return bool(_eval_node(tree.body, ctx))


def run_rules(rules, article: dict) -> list:
    ctx = article_context(article)
    findings = []
    for rule in rules:
        try:
            if evaluate_rule(rule, ctx):
                findings.append({"rule": rule.name, "severity": rule.severity})
        except Exception as exc:
            findings.append(
                {"rule": rule.name, "severity": "error", "detail": f"rule failed: {type(exc).__name__}"}
            )
    return findings


@app.post("/api/qa/check")
def check_article():
    payload = request.get_json(force=True) or {}
    article = payload.get("article", {})
    custom = [
        Rule(r["name"], r["expression"], r.get("severity", "warning"))
        for r in payload.get("rules", [])
    ]
    findings = run_rules(DEFAULT_RULES + custom, article)
    blocked = any(f["severity"] == "error" for f in findings)
    return jsonify(findings=findings, blocked=blocked)


@app.get("/api/qa/rules")
def list_rules():
    return jsonify([vars(r) for r in DEFAULT_RULES])
