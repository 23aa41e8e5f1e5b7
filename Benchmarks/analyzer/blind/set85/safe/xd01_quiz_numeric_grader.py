"""Numeric-answer grading for the quiz engine.

Students may type plain numbers or small expressions such as ``3/4`` or
``2*pi``; the grader normalises the input and compares the result with the
stored answer inside the question's tolerance.
"""
import ast
import logging
import math
import operator
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("quiz.numeric")

ALLOWED_NAMES = {"pi": math.pi, "e": math.e}
ALLOWED_FUNCS = {"sqrt": math.sqrt, "log": math.log}
MAX_EXPR_LEN = 120

_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


@dataclass
class NumericQuestion:
    qid: int
    answer: float
    tolerance: float = 1e-6


QUESTION_BANK = {
    101: NumericQuestion(101, 0.75),
    102: NumericQuestion(102, 2 * math.pi, 1e-3),
    103: NumericQuestion(103, math.sqrt(2), 1e-3),
}


def normalise(raw: str) -> str:
    expr = raw.strip().replace("^", "**").replace("\u00d7", "*")
    # learners from most of Europe type decimal commas
    return expr.replace(",", ".")


def _eval_node(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in ALLOWED_NAMES:
        return ALLOWED_NAMES[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        left, right = _eval_node(node.left), _eval_node(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > 64:
            raise ValueError("exponent too large")
        return _BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_eval_node(node.operand))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ALLOWED_FUNCS and len(node.args) == 1 and not node.keywords):
        return ALLOWED_FUNCS[node.func.id](_eval_node(node.args[0]))
    raise ValueError(f"unsupported syntax: {type(node).__name__}")


def evaluate(expr: str) -> float:
    if len(expr) > MAX_EXPR_LEN:
        raise ValueError("expression too long")
    tree = ast.parse(expr, mode="eval")
    return float(_eval_node(tree.body))


@app.post("/api/quiz/<int:qid>/numeric")
def grade_numeric(qid: int):
    question = QUESTION_BANK.get(qid)
    if question is None:
        return jsonify(error="unknown question"), 404
    payload = request.get_json(silent=True) or {}
    submitted = normalise(str(payload.get("answer", "")))
    if not submitted:
        return jsonify(correct=False, reason="empty answer")
    try:
        value = evaluate(submitted)
    except Exception:
        log.info("unparseable answer for question %s", qid)
        return jsonify(correct=False, reason="could not parse answer")
    correct = math.isclose(value, question.answer, abs_tol=question.tolerance)
    return jsonify(correct=correct, value=value)
