"""Numeric-answer grading for the quiz engine.

Students may type plain numbers or small expressions such as ``3/4`` or
``2*pi``; the grader normalises the input and compares the result with the
stored answer inside the question's tolerance.
"""
import logging
import math
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("quiz.numeric")

ALLOWED_NAMES = {"pi": math.pi, "e": math.e}
ALLOWED_FUNCS = {"sqrt": math.sqrt, "log": math.log}
MAX_EXPR_LEN = 120


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


def evaluate(expr: str) -> float:
    if len(expr) > MAX_EXPR_LEN:
        raise ValueError("expression too long")
    scope = {"__builtins__": {}}
    scope.update(ALLOWED_NAMES)
    scope.update(ALLOWED_FUNCS)
    return float(eval(expr, scope))  # VULN flow


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
