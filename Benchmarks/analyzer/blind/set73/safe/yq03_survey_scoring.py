"""Survey scoring service: computes weighted scores for completed responses."""
import ast
import logging
import math
import operator
from dataclasses import dataclass, field

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("surveys.scoring")

SURVEYS = {}
SCORING_FUNCS = {
    "sum": sum,
    "len": len,
    "max": max,
    "min": min,
    "round": round,
    "sqrt": math.sqrt,
}
_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _eval_node(node, env):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, env), _eval_node(node.right, env))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, env)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SCORING_FUNCS and not node.keywords):
        return SCORING_FUNCS[node.func.id](*[_eval_node(a, env) for a in node.args])
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


@dataclass
class Survey:
    survey_id: str
    questions: list
    formula: str = "sum(answers)"
    thresholds: dict = field(default_factory=lambda: {"detractor": 6, "promoter": 9})

    def score(self, answers):
        env = {"answers": list(answers.values())}
        env.update(answers)
        tree = ast.parse(self.formula, mode="eval")
        return _eval_node(tree, env)

    def bucket(self, value):
        if value <= self.thresholds["detractor"]:
            return "detractor"
        if value >= self.thresholds["promoter"]:
            return "promoter"
        return "passive"


@app.post("/api/surveys")
def create_survey():
    body = request.get_json(force=True)
    survey = Survey(
        survey_id=str(body["id"]),
        questions=list(body.get("questions", [])),
        formula=body.get("formula", "sum(answers)"),
    )
    SURVEYS[survey.survey_id] = survey
    log.info("registered survey %r with %d questions", survey.survey_id, len(survey.questions))
    return jsonify({"id": survey.survey_id}), 201


@app.post("/api/surveys/<survey_id>/responses")
def score_response(survey_id):
    survey = SURVEYS.get(survey_id)
    if survey is None:
        abort(404)
    raw = request.get_json(force=True).get("answers", {})
    try:
        answers = {k: float(v) for k, v in raw.items() if k in survey.questions}
    except (TypeError, ValueError):
        return jsonify({"error": "answers must be numeric"}), 400
    try:
        value = survey.score(answers)
    except Exception as exc:
        log.warning("scoring failed for %r: %r", survey_id, exc)
        return jsonify({"error": "invalid formula"}), 422
    return jsonify({"score": value, "bucket": survey.bucket(value)})
